-- Uploaded files are deleted from the object store a while after their import ended (UploadRetention); this is when.
ALTER TABLE import_requests ADD COLUMN upload_deleted_at timestamptz;
CREATE INDEX import_requests_uploads_kept ON import_requests (created_at, id) WHERE upload_deleted_at IS NULL;
