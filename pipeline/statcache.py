"""A cheap fingerprint of the corpus files, so that a run with nothing new reads no file at all.

Reading and cleaning an article costs milliseconds (decoding, cleaning chain, language check); on
a corpus of thousands of files that is seconds spent finding out that nothing changed. Like `make`
and `git`, we trust file metadata instead: the path, size, modification time and inode change time
of every article file. Any write, rename, addition or removal changes the fingerprint (a changed
`ctime` also catches a copy that preserved the old `mtime`); the run then reads everything as usual.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def files_signature(corpus: Path) -> str:
    """Hash of the corpus folder and of (relative path, size, mtime, ctime) of each article file."""
    from pipeline.ingest import iter_corpus_files

    h = hashlib.sha256(str(corpus.resolve()).encode())
    for path in iter_corpus_files(corpus):
        try:
            st = path.stat()
        except OSError:  # vanished meanwhile: let the full read report it
            return ""
        rel = path.relative_to(corpus).as_posix()
        h.update(f"\n{rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:16]
