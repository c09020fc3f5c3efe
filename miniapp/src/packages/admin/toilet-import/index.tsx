import type { ImportRowError, ToiletImportPreview, ToiletImportResult } from "@civic/shared";
import { Button, Text, Textarea, View } from "@tarojs/components";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { FORBIDDEN_MESSAGE, isAdmin } from "../access";
import "../admin.css";
import { previewImport, runImport } from "../api";
import { FilePicker } from "../components/FilePicker";
import { PreviewTable } from "./PreviewTable";

/*
 * 导入公厕: paste a CSV or GeoJSON file, check it (a dry run: each row's errors, or what would be created
 * or updated, nothing written), then import exactly what was checked. Any change to the text asks for a
 * new check first.
 */
type Format = "csv" | "geojson";
type Coordinates = "gcj02" | "wgs84";

const CSV_HINT = "首行为字段名：name,address,district,street,lat,lng,kind,hours,free,accessible,thirdToilet,babyCare,stalls,sourceRef";

export default function AdminToiletImportPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const [format, setFormat] = useState<Format>("csv");
  const [coordinates, setCoordinates] = useState<Coordinates>("gcj02");
  const [content, setContent] = useState("");
  const [preview, setPreview] = useState<ToiletImportPreview | null>(null);
  const [result, setResult] = useState<ToiletImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [rejected, setRejected] = useState<ImportRowError[]>([]);
  const [busy, setBusy] = useState(false);

  const edit = (apply: () => void) => {
    apply();
    setPreview(null);
    setResult(null);
    setRejected([]);
  };

  const check = async () => {
    setBusy(true);
    const res = await previewImport({ format, coordinates, content });
    setBusy(false);
    setFailure(res.ok ? null : res.message);
    setPreview(res.ok ? res.data : null);
  };

  const importNow = async () => {
    setBusy(true);
    const res = await runImport({ format, coordinates, content });
    setBusy(false);
    if (res.ok) {
      setResult(res.data);
      setPreview(null);
      return setFailure(null);
    }
    setFailure(res.message);
    // Someone changed the catalogue since the check: the server's own row errors.
    setRejected(Array.isArray(res.details) ? (res.details as ImportRowError[]) : []);
  };

  return (
    <PageContainer
      className="admin-page admin-toilet-import"
      title="导入公厕"
      subtitle="先检查，确认每一行无误后才会写入"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      error={session && !admin ? FORBIDDEN_MESSAGE : null}
    >
      <View className="card import-form">
        <View className="chip-row">
          <Text className="chip-row__label">格式</Text>
          <Chip label="CSV" className="format-csv" active={format === "csv"} onTap={() => edit(() => setFormat("csv"))} />
          <Chip label="GeoJSON" className="format-geojson" active={format === "geojson"} onTap={() => edit(() => setFormat("geojson"))} />
        </View>
        <View className="chip-row">
          <Text className="chip-row__label">坐标系</Text>
          <Chip
            label="GCJ-02（国内地图）"
            className="coords-gcj02"
            active={coordinates === "gcj02"}
            onTap={() => edit(() => setCoordinates("gcj02"))}
          />
          <Chip
            label="WGS-84（GPS）"
            className="coords-wgs84"
            active={coordinates === "wgs84"}
            onTap={() => edit(() => setCoordinates("wgs84"))}
          />
        </View>
        <Text className="admin-hint">{format === "csv" ? CSV_HINT : "GeoJSON FeatureCollection，每个 Point 的 properties 为公厕字段"}</Text>
        <Textarea
          className="text-input import-content"
          value={content}
          maxlength={-1}
          placeholder="在此粘贴文件内容"
          onInput={(e) => edit(() => setContent(e.detail.value))}
        />
        <FilePicker
          onText={(name, text) =>
            edit(() => {
              setContent(text);
              if (/\.(geo)?json$/i.test(name)) setFormat("geojson");
              else if (/\.csv$/i.test(name)) setFormat("csv");
            })
          }
          onError={setFailure}
        />
        <Button className="btn import-check" disabled={busy || !content.trim() || undefined} onClick={() => void check()}>
          检查
        </Button>
        <Button className="btn btn-primary import-run" disabled={busy || !preview?.ok || undefined} onClick={() => void importNow()}>
          导入
        </Button>
        {failure ? <Text className="form-error import-failure">{failure}</Text> : null}
      </View>
      {preview ? <PreviewTable preview={preview} /> : null}
      {rejected.length ? <PreviewTable preview={{ ok: false, errors: rejected, rows: [], created: 0, updated: 0 }} /> : null}
      {result ? (
        <Text className="card import-result">
          已导入 {result.imported} 座公厕：新增 {result.created}，更新 {result.updated}
        </Text>
      ) : null}
    </PageContainer>
  );
}
