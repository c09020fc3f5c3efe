/*
 * Where the finder searches when the phone's location is refused or unavailable (and in the H5 demo,
 * which runs without GPS): the centres of Suzhou's urban districts, GCJ-02. `id` is the pinyin used in
 * the stable class name `district-<id>`.
 */
export interface District {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export const SUZHOU_DISTRICTS: readonly District[] = [
  { id: "gusu", name: "姑苏区", lat: 31.3017, lng: 120.62 },
  { id: "yuanqu", name: "工业园区", lat: 31.314, lng: 120.717 },
  { id: "wuzhong", name: "吴中区", lat: 31.27, lng: 120.63 },
  { id: "xiangcheng", name: "相城区", lat: 31.369, lng: 120.642 },
  { id: "huqiu", name: "虎丘区/高新区", lat: 31.296, lng: 120.566 },
  { id: "wujiang", name: "吴江区", lat: 31.138, lng: 120.646 },
];
