// The key a runtime record's short form begins with (record-encoding.ts), apart from the codec so
// that telling a short record from a full one loads nothing: the codec needs the image catalog.

export const SHORT_RECORD_MARK = "@pod";

/** Whether a saved runtime record is in the short form. */
export const isShortRecord = (saved: unknown): saved is Record<string, any> =>
  typeof saved === "object" && saved !== null && !Array.isArray(saved) && Object.hasOwn(saved, SHORT_RECORD_MARK);
