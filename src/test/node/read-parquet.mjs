// Reads a Parquet file with hyparquet and prints it as one JSON object: the schema elements, the
// footer's key-value metadata, the codecs and row groups, and every row with its floats as their
// float32 bits (JSON numbers cannot hold -0, NaN or the infinities).
// Usage: node read-parquet.mjs FILE
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

const file = await asyncBufferFromFile(process.argv[2])
const metadata = await parquetMetadataAsync(file)
const rows = metadata.num_rows > 0n ? await parquetReadObjects({ file, metadata }) : []

const view = new DataView(new ArrayBuffer(4))
function bits(x) {
  view.setFloat32(0, x)
  return view.getInt32(0)
}

const out = {
  numRows: Number(metadata.num_rows),
  rowGroups: metadata.row_groups.length,
  codecs: [...new Set(metadata.row_groups.flatMap(g => g.columns.map(c => c.meta_data.codec)))].sort(),
  metadata: Object.fromEntries((metadata.key_value_metadata ?? []).map(kv => [kv.key, kv.value])),
  schema: metadata.schema.map(e => ({
    name: e.name,
    type: e.type ?? null,
    repetition: e.repetition_type ?? null,
    children: e.num_children ?? 0,
    logical: e.logical_type?.type ?? null,
    converted: e.converted_type ?? null,
  })),
  rows: rows.map(r => {
    const row = {}
    for (const [key, value] of Object.entries(r)) {
      row[key] = key === 'embedding' ? Array.from(value, bits) : value
    }
    return row
  }),
}
process.stdout.write(JSON.stringify(out))
