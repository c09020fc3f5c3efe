import { View } from "@tarojs/components";
import qrcode from "qrcode-generator";
import { useMemo } from "react";

/*
 * A QR code drawn as a grid of Views (works the same in the weapp and H5, no canvas): one row per module
 * row, dark cells filled. Error correction M; the code's text is short (about 80 characters).
 */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

export function QrGrid({ text }: { text: string }) {
  const rows = useMemo(() => qrModules(text), [text]);
  return (
    <View className="qr-grid" data-size={rows.length}>
      {rows.map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the grid's rows are positions
        <View key={r} className="qr-grid__row">
          {row.map((dark, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the grid's cells are positions
            <View key={c} className={dark ? "qr-grid__cell is-dark" : "qr-grid__cell"} />
          ))}
        </View>
      ))}
    </View>
  );
}
