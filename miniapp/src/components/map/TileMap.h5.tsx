import { View } from "@tarojs/components";
import { Component, lazy, type ReactNode, Suspense } from "react";
import type { TileMapProps } from "./tileMapProps";

/*
 * H5 only: Leaflet (and its CSS) load as their own chunk when a street map is first shown, so the H5
 * app's first visit does not carry them, and the weapp never sees them (see TileMap.tsx).
 */
const LeafletMap = lazy(() => import("./LeafletMap"));

class LoadFailure extends Component<{ onError: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    this.props.onError();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function TileMap(props: TileMapProps) {
  return (
    <LoadFailure onError={props.onUnavailable}>
      <Suspense fallback={<View className={`${props.className} tile-map tile-map--loading`} />}>
        <LeafletMap {...props} />
      </Suspense>
    </LoadFailure>
  );
}
