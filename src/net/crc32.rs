//! CRC-32 (IEEE 802.3, the checksum of zip, PNG and gzip): reflected
//! polynomial `0xEDB88320`, initial value and final xor `0xFFFFFFFF`, one
//! 256-entry table built at compile time.

/// The reflected IEEE polynomial.
const POLYNOMIAL: u32 = 0xedb8_8320;

/// `TABLE[b]`: the CRC register after shifting byte `b` through it.
const TABLE: [u32; 256] = build_table();

const fn build_table() -> [u32; 256] {
    let mut table = [0_u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 1 == 1 { POLYNOMIAL ^ (c >> 1) } else { c >> 1 };
            bit += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

/// The CRC-32 (IEEE) of `bytes`; `crc32(b"123456789") == 0xCBF43926`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xffff_ffff_u32;
    for &b in bytes {
        c = TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    c ^ 0xffff_ffff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_value_and_empty_input() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414f_a339);
    }
}
