/*
 * The part of Leaflet 1.9.4 that components/map/LeafletMap.tsx uses. Leaflet ships no types, and the
 * pinned stack has no @types/leaflet; this stays as small as the one file that calls it.
 */
declare module "leaflet" {
  type LatLngTuple = [number, number];
  type Options = Record<string, unknown>;
  interface LeafletEvent {
    latlng: { lat: number; lng: number };
  }
  interface Evented {
    on(type: string, fn: (event: LeafletEvent) => void): this;
  }
  interface Layer extends Evented {
    addTo(target: LeafletMap | LayerGroup): this;
  }
  interface LayerGroup extends Layer {
    clearLayers(): this;
    addLayer(layer: Layer): this;
  }
  interface LeafletMap extends Evented {
    setView(centre: LatLngTuple, zoom: number): this;
    getZoom(): number;
    remove(): this;
  }
  interface DivIcon {
    readonly options: Options;
  }
  export function map(element: HTMLElement, options?: Options): LeafletMap;
  export function tileLayer(urlTemplate: string, options?: Options): Layer;
  export function marker(at: LatLngTuple, options?: Options): Layer;
  export function divIcon(options: Options): DivIcon;
  export function circle(at: LatLngTuple, options: Options): Layer;
  export function circleMarker(at: LatLngTuple, options: Options): Layer;
  export function polygon(at: LatLngTuple[], options: Options): Layer;
  export function layerGroup(): LayerGroup;
  export const DomEvent: { stopPropagation(event: LeafletEvent): void };
}
