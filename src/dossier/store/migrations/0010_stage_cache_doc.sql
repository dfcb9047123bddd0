-- Dossier store, schema 10: cached stage results looked up by the document they were
-- computed for, so that an update drops those no stored document uses any more (a removed
-- document's, a recomputed one's older results) without reading the whole cache.
CREATE INDEX stage_cache_doc ON stage_cache(doc_id, stage);
