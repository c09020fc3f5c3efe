import { z } from "zod";

/*
 * Query-string parameters. `z.coerce` takes any input, so the OpenAPI generator cannot tell what a
 * parameter looks like or that it is required; each helper states it in `.meta()` next to the rule.
 */

/** A required number within [min, max]. */
export const queryNumber = (min: number, max: number) =>
  z.coerce
    .number()
    .min(min)
    .max(max)
    .meta({ type: "number", minimum: min, maximum: max, param: { required: true } });

/** An optional whole number within [min, max], `fallback` when absent. */
export const queryInt = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback).meta({ type: "integer", minimum: min, maximum: max, default: fallback });

const FLAG_VALUES = ["true", "false", "1", "0"];

/**
 * A flag: "true"/"1" turn it on; absent or "false"/"0" leave it off. A codec rather than `.transform()`:
 * under the async parse the route validator runs, every transform resolves through a Promise of its
 * own, which made five flags the most expensive step of a nearby search (see docs/benchmarks.md).
 */
export const queryFlag = () =>
  z
    .stringbool({ truthy: ["true", "1"], falsy: ["false", "0"], case: "sensitive" })
    .default(false)
    .meta({ type: "string", enum: FLAG_VALUES, default: "false" });
