//! A ZIP of stored (uncompressed) files, the way "Download all" builds it: the browser keeps each
//! file's bytes as a Blob, this writes only the headers around them. Audio does not compress, so
//! storing loses nothing and costs no time.

/// CRC-32 (IEEE), fed in pieces.
pub struct Crc32 {
    table: [u32; 256],
    value: u32,
}

impl Default for Crc32 {
    fn default() -> Self {
        let mut table = [0u32; 256];
        for (i, t) in table.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *t = c;
        }
        Self {
            table,
            value: 0xFFFF_FFFF,
        }
    }
}

impl Crc32 {
    pub fn update(&mut self, bytes: &[u8]) {
        let mut c = self.value;
        for b in bytes {
            c = self.table[((c ^ *b as u32) & 0xFF) as usize] ^ (c >> 8);
        }
        self.value = c;
    }
    pub fn finish(&self) -> u32 {
        self.value ^ 0xFFFF_FFFF
    }
}

/// One file of the archive, once its bytes have been read through.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub crc: u32,
    pub size: u64,
}

/// The largest archive this writer makes (no ZIP64): every size and offset must fit 32 bits.
pub const MAX_BYTES: u64 = u32::MAX as u64;

// Version 2.0; bit 11: the names are UTF-8.
const VERSION: u16 = 20;
const UTF8: u16 = 1 << 11;
// 1980-01-01 00:00, the format's "no date".
const DOS_DATE: u16 = (1 << 5) | 1;

fn common(out: &mut Vec<u8>, e: &Entry) {
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&UTF8.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // stored
    out.extend_from_slice(&0u16.to_le_bytes()); // time
    out.extend_from_slice(&DOS_DATE.to_le_bytes());
    out.extend_from_slice(&e.crc.to_le_bytes());
    out.extend_from_slice(&(e.size as u32).to_le_bytes());
    out.extend_from_slice(&(e.size as u32).to_le_bytes());
    out.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // extra
}

/// The header written before an entry's bytes.
pub fn local_header(e: &Entry) -> Vec<u8> {
    let mut out = Vec::with_capacity(30 + e.name.len());
    out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    common(&mut out, e);
    out.extend_from_slice(e.name.as_bytes());
    out
}

/// The directory written after the last entry; `entries` in archive order.
pub fn directory(entries: &[Entry]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut offset: u64 = 0;
    for e in entries {
        if offset > MAX_BYTES {
            break;
        }
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&VERSION.to_le_bytes()); // made by
        common(&mut out, e);
        out.extend_from_slice(&0u16.to_le_bytes()); // comment
        out.extend_from_slice(&0u16.to_le_bytes()); // disk
        out.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(e.name.as_bytes());
        offset += 30 + e.name.len() as u64 + e.size;
    }
    let size = out.len() as u64;
    if offset + size + 22 > MAX_BYTES || entries.iter().any(|e| e.size > MAX_BYTES) {
        return Err(crate::i18n::t("These files together are larger than 4 GB, more than one ZIP can hold here; download them one by one.").into());
    }
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(size as u32).to_le_bytes());
    out.extend_from_slice(&(offset as u32).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

/// Distinct names inside the archive: a repeated name gets " (2)", " (3)" before its extension.
pub fn unique_names(names: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for n in names {
        let mut name = n.replace(['/', '\\'], "_");
        let (stem, ext) = match name.rfind('.') {
            Some(i) if i > 0 => (name[..i].to_string(), name[i..].to_string()),
            _ => (name.clone(), String::new()),
        };
        let mut k = 2;
        while seen.contains(&name) {
            name = format!("{stem} ({k}){ext}");
            k += 1;
        }
        seen.push(name);
    }
    seen
}
