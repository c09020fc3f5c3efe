/* H5: the browser's own file chooser; the file is read here, in the page, and never uploaded as a file. */
export function FilePicker({ onText, onError }: { onText: (name: string, text: string) => void; onError: (message: string) => void }) {
  const read = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    // FileReader rather than Blob.text(): older in-app browsers lack the latter.
    const reader = new FileReader();
    reader.onload = () => onText(file.name, String(reader.result ?? ""));
    reader.onerror = () => onError("无法读取该文件");
    reader.readAsText(file, "utf-8");
    input.value = "";
  };
  return (
    <label className="btn import-file">
      选择文件…
      <input
        type="file"
        accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
        className="import-file__input"
        onChange={(e) => read(e.target)}
      />
    </label>
  );
}
