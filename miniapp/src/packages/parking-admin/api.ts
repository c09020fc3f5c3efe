import {
  FeedKey,
  FeedKeyList,
  IssuedFeedKey,
  ParkingAdminLot,
  ParkingAdminLotList,
  ParkingLotDetail,
  type ParkingLotInput,
  type ParkingLotUpdate,
  ParkingOperator,
  type ParkingOperatorInput,
  ParkingOperatorList,
  type ParkingOperatorUpdate,
  ParkingSourceList,
} from "@civic/shared";
import type { z } from "zod";
import { type ApiResult, apiRequest } from "../../services/request";

/* The bureau's parking API (admin): sources' health, operators and their feed keys, lots. */

const BASE = "/api/v1/admin/parking";
const enc = encodeURIComponent;

export const parkingSources = (): Promise<ApiResult<ParkingSourceList>> => apiRequest(ParkingSourceList, { path: `${BASE}/sources` });

export const parkingOperators = (): Promise<ApiResult<z.infer<typeof ParkingOperatorList>>> =>
  apiRequest(ParkingOperatorList, { path: `${BASE}/operators` });

export const createParkingOperator = (body: ParkingOperatorInput): Promise<ApiResult<ParkingOperator>> =>
  apiRequest(ParkingOperator, { method: "POST", path: `${BASE}/operators`, body });

export const updateParkingOperator = (id: string, body: ParkingOperatorUpdate): Promise<ApiResult<ParkingOperator>> =>
  apiRequest(ParkingOperator, { method: "PATCH", path: `${BASE}/operators/${enc(id)}`, body });

export const operatorKeys = (id: string): Promise<ApiResult<z.infer<typeof FeedKeyList>>> =>
  apiRequest(FeedKeyList, { path: `${BASE}/operators/${enc(id)}/keys` });

export const issueOperatorKey = (id: string): Promise<ApiResult<IssuedFeedKey>> =>
  apiRequest(IssuedFeedKey, { method: "POST", path: `${BASE}/operators/${enc(id)}/keys` });

export const revokeOperatorKey = (id: string, keyId: string): Promise<ApiResult<FeedKey>> =>
  apiRequest(FeedKey, { method: "POST", path: `${BASE}/operators/${enc(id)}/keys/${enc(keyId)}/revoke` });

export const adminParkingLots = (): Promise<ApiResult<ParkingAdminLotList>> => apiRequest(ParkingAdminLotList, { path: `${BASE}/lots` });

export const adminParkingLot = (id: string): Promise<ApiResult<ParkingAdminLot>> =>
  apiRequest(ParkingAdminLot, { path: `${BASE}/lots/${enc(id)}` });

export const createParkingLot = (body: ParkingLotInput): Promise<ApiResult<ParkingLotDetail>> =>
  apiRequest(ParkingLotDetail, { method: "POST", path: `${BASE}/lots`, body });

export const updateParkingLot = (id: string, body: ParkingLotUpdate): Promise<ApiResult<ParkingLotDetail>> =>
  apiRequest(ParkingLotDetail, { method: "PATCH", path: `${BASE}/lots/${enc(id)}`, body });
