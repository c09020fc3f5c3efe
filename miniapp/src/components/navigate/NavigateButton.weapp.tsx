import { Button } from "@tarojs/components";
import Taro from "@tarojs/taro";
import type { NavigateTarget } from "./mapLinks";

/* The weapp: WeChat's own map opens at the place and offers the installed map apps. H5: NavigateButton.tsx. */
export function NavigateButton({ target }: { target: NavigateTarget }) {
  const open = () =>
    void Taro.openLocation({
      latitude: target.lat,
      longitude: target.lng,
      name: target.name,
      address: target.address ?? "",
      scale: 17,
    }).catch(() => undefined);
  return (
    <Button className="btn btn-primary btn-large navigate-button" onClick={open}>
      导航前往
    </Button>
  );
}
