//! Writing outputs so that nothing is ever half-written or lost: a temporary file in the
//! target's directory, synced, then renamed over the target (rename is atomic within one
//! file system). A failure at any step leaves the target as it was and removes the
//! temporary file.

use std::fs::Permissions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, creating its directory; `permissions` are set
/// before the rename (the input's, so outputs are as readable as inputs).
pub fn write_atomic(path: &Path, bytes: &[u8], permissions: Option<Permissions>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".putsa-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(without_temp_path)?;
    tmp.write_all(bytes)?;
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    // Without the sync a crash after the rename could leave an empty file in its place.
    tmp.as_file().sync_data()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// tempfile's errors name its random file; the user knows only the output's name.
fn without_temp_path(e: io::Error) -> io::Error {
    let text = e.to_string();
    let text = text
        .split(" at path ")
        .next()
        .unwrap_or_default()
        .to_string();
    io::Error::new(e.kind(), text)
}

/// The backup of `path`: `path` + ".orig".
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".orig");
    PathBuf::from(name)
}

/// Rewrites `path` with `bytes`, first keeping the original as FILE.orig (unless `backup`
/// is false). An existing backup is never overwritten: it may be the only original left.
pub fn rewrite(path: &Path, bytes: &[u8], backup: bool) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot rewrite: {e}"))?;
    if backup {
        let b = backup_path(path);
        if b.symlink_metadata().is_ok() {
            return Err(format!(
                "backup {} exists already; move it away or use --no-backup",
                b.display()
            ));
        }
        if std::fs::hard_link(path, &b).is_err() {
            std::fs::copy(path, &b)
                .map_err(|e| format!("cannot write backup {}: {e}", b.display()))?;
        }
    }
    write_atomic(path, bytes, Some(meta.permissions())).map_err(|e| format!("cannot rewrite: {e}"))
}
