-- The header of each import that has failed rows, so the errors report can name every cell's column.
CREATE TABLE import_headers (
    import_id uuid PRIMARY KEY,
    header    jsonb NOT NULL
);
