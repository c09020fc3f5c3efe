import { Button } from "@tarojs/components";
import Taro from "@tarojs/taro";

/*
 * Reads a CSV or GeoJSON file as text. The weapp picks it from a chat (the only file source WeChat offers);
 * H5 has its own version (FilePicker.h5.tsx) with the browser's file chooser.
 */
export function FilePicker({ onText, onError }: { onText: (name: string, text: string) => void; onError: (message: string) => void }) {
  const pick = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: "file", extension: ["csv", "json", "geojson"] });
      const file = tempFiles[0];
      if (!file) return;
      const text = Taro.getFileSystemManager().readFileSync(file.path, "utf8") as string;
      onText(file.name, text);
    } catch (error) {
      const errMsg = (error as { errMsg?: string } | null)?.errMsg ?? "";
      if (!errMsg.includes("cancel")) onError("无法读取该文件");
    }
  };
  return (
    <Button className="btn import-file" onClick={() => void pick()}>
      从聊天中选择文件
    </Button>
  );
}
