-- A warning is reported in the error report but did not make its row fail.
ALTER TABLE import_problem ADD COLUMN warning BOOLEAN NOT NULL DEFAULT false;
