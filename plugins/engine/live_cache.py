"""What `./dev serve`'s builder (workflow/live.py) needs of Pelican's memory of a build: the reading its reader
cache holds of a file, and a document given a new body without being read again by Pelican."""


def last_reading(readers, path):
    """(body, metadata) as the last build read `path`, from Pelican's reader cache (its private `_cache`), or
    None."""
    cached = readers._cache.get(path)  # (file stamp, (body, metadata))
    return cached[1] if cached is not None else None


def set_body(doc, body, keys, metadata):
    """Give `doc` the body `body`, and the values of `keys` from `metadata`: Pelican keeps the body in the private
    `_content` and remembers each document's content and summary, per site URL, for the life of the process."""
    doc._content = body
    for key in keys & metadata.keys():
        doc.metadata[key] = metadata[key]
        setattr(doc, key, metadata[key])
    for remembered in (doc.get_content.cache, doc.get_summary.cache):
        for arguments in [a for a in remembered if a[0] is doc]:
            del remembered[arguments]
