import {
  addCityDays,
  type CollectorJob,
  CollectorJob as CollectorJobSchema,
  CollectorRoute,
  cityClock,
  PickupItemList,
} from "@civic/shared";

/* Collector test data, built through the shared schemas so a contract change breaks these tests too. */

export const TODAY = cityClock(new Date()).date;
export const TOMORROW = addCityDays(TODAY, 1);
export const STREET = "320508:观前街道";

export const CONTACT = {
  number: "DJ20261202-0007",
  address: "姑苏区观前街 128 号 3 幢",
  location: { lat: 31.3085, lng: 120.6195 },
  placement: "单元楼下垃圾房旁",
  accessNotes: "小区北门进，保安处登记",
  contactPhone: "13800138000",
  onBehalf: null,
};

export const openJob = (overrides: Partial<CollectorJob> = {}): CollectorJob =>
  CollectorJobSchema.parse({
    id: "job-open-1",
    status: "booked",
    streetCode: STREET,
    date: TOMORROW,
    window: "am",
    items: [
      { code: "sofa", name: "沙发", qty: 1, recyclable: true },
      { code: "reno_bag", name: "装修垃圾袋", qty: 2, recyclable: false },
    ],
    volumePoints: 5,
    mine: false,
    contact: null,
    version: 1,
    ...overrides,
  });

export const heldJob = (overrides: Partial<CollectorJob> = {}): CollectorJob =>
  openJob({ id: "job-held-1", status: "accepted", mine: true, contact: CONTACT, version: 2, ...overrides });

export const jobList = (jobs: CollectorJob[]) => ({ jobs, from: TODAY, to: addCityDays(TODAY, 28) });

export const routeOf = (jobs: CollectorJob[], start: { lat: number; lng: number } | null = null) =>
  CollectorRoute.parse({
    date: jobs[0]?.date ?? TODAY,
    method: "nearest-neighbour",
    start,
    stops: jobs.map((job, i) => ({ order: i + 1, legMeters: 350 * (i + 1), job })),
    totalMeters: jobs.reduce((sum, _j, i) => sum + 350 * (i + 1), 0),
  });

export const catalogue = () =>
  PickupItemList.parse({
    items: [
      { code: "sofa", name: "沙发", category: "furniture", maxPerBooking: 3, recyclable: true, volumePoints: 3, note: null, active: true },
      {
        code: "reno_bag",
        name: "装修垃圾袋",
        category: "renovation",
        maxPerBooking: 10,
        recyclable: false,
        volumePoints: 1,
        note: null,
        active: true,
      },
      {
        code: "fridge",
        name: "冰箱",
        category: "appliance",
        maxPerBooking: 2,
        recyclable: true,
        volumePoints: 3,
        note: "冰箱请提前断电除霜",
        active: true,
      },
    ],
  });
