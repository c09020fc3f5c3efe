import { defineItems } from "./define-items";

/* 有害垃圾: written for this project from the general rules of Suzhou's household-waste guide. */

const GENTLE = "轻放，保持完整，投入红色有害垃圾桶";
const SEALED = "连同包装密封，防止泄漏，投入有害垃圾桶";
const BATTERY = "单独包好，防止电极接触，投入有害垃圾桶或电池回收箱";
const LAMP = "轻放勿打碎，已破损的用纸包好后投放";

export const HAZARDOUS_ITEMS = defineItems("hazardous", [
  ["haz-button-battery", "纽扣电池", ["手表电池", "扣式电池"], BATTERY],
  ["haz-rechargeable-battery", "充电电池", ["镍氢电池", "镍镉电池", "可充电电池"], BATTERY],
  ["haz-lithium-battery", "锂电池", ["手机电池", "锂离子电池"], BATTERY, { note: "鼓包的锂电池用胶带封住电极，切勿挤压" }],
  ["haz-power-bank", "充电宝", ["移动电源"], BATTERY],
  ["haz-lead-battery", "蓄电池", ["铅酸电池", "电动车电池"], "交电动车维修点或回收网点，勿拆解"],
  [
    "haz-dry-battery",
    "废旧电池",
    ["电池", "干电池", "五号电池", "七号电池"],
    BATTERY,
    {
      note: "苏州将家庭产生的废电池统一投放有害垃圾，便于集中处理",
    },
  ],
  ["haz-fluorescent-tube", "荧光灯管", ["日光灯管", "灯管"], LAMP],
  ["haz-energy-saving-bulb", "节能灯", ["节能灯泡"], LAMP],
  ["haz-led-bulb", "LED灯泡", ["LED灯"], LAMP],
  [
    "haz-expired-medicine",
    "过期药品",
    ["过期药", "药片", "胶囊", "废药品"],
    "连同包装投放；药盒说明书若已分开，可投可回收物",
    {
      note: "过期药品会污染土壤和水，属于有害垃圾",
    },
  ],
  ["haz-medicine-syrup", "过期药水", ["糖浆", "口服液"], SEALED],
  ["haz-ointment", "过期药膏", ["软膏"], SEALED],
  [
    "haz-thermometer",
    "水银温度计",
    ["体温计", "温度计"],
    "装入密封袋或原盒，切勿打碎；已碎的汞珠用湿棉签收集后密封",
    {
      note: "含汞，属于有害垃圾",
    },
  ],
  ["haz-blood-pressure-meter", "水银血压计", ["血压计"], SEALED],
  ["haz-paint-bucket", "油漆桶", ["废油漆", "涂料桶"], SEALED],
  ["haz-paint-brush", "沾油漆的刷子", ["油漆刷"], SEALED],
  ["haz-solvent", "稀释剂", ["香蕉水", "松节油", "天那水"], SEALED],
  ["haz-pesticide", "杀虫剂", ["杀虫喷雾", "灭蚊剂"], SEALED, { note: "用完且无残留的喷雾罐可投可回收物" }],
  ["haz-rat-poison", "老鼠药", ["鼠药", "灭鼠剂"], SEALED],
  ["haz-cockroach-bait", "蟑螂药", ["杀蟑饵剂"], SEALED],
  ["haz-farm-chemical", "农药", ["农药瓶", "除草剂"], SEALED],
  ["haz-disinfectant", "消毒剂", ["消毒液", "84消毒液"], SEALED],
  ["haz-bleach", "漂白剂", ["漂白水"], SEALED],
  ["haz-nail-polish", "指甲油", ["洗甲水"], SEALED],
  ["haz-hair-dye", "染发剂", ["染发膏"], SEALED],
  ["haz-x-ray-film", "X光片", ["胶片", "CT片"], GENTLE],
  ["haz-photo-film", "胶卷", ["相机胶卷", "底片"], GENTLE],
  ["haz-toner", "硒鼓", ["墨盒", "碳粉盒"], SEALED],
  ["haz-mercury-switch", "含汞开关", ["水银开关"], SEALED],
  ["haz-engine-oil", "废机油", ["机油", "机油桶"], SEALED],
  ["haz-battery-toy-battery", "玩具电池", ["遥控器电池"], BATTERY],
  ["haz-e-cigarette", "电子烟", ["电子烟弹"], "连同烟弹和内置电池一起投放"],
  ["haz-lamp-starter", "灯管启辉器", ["启辉器", "镇流器"], GENTLE],
  ["haz-wall-paint", "乳胶漆", ["墙面漆"], SEALED],
  ["haz-nicad-tool-battery", "电动工具电池", ["电钻电池"], BATTERY],
]);
