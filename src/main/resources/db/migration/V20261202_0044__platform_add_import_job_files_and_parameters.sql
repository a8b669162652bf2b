-- An upload may carry more than one file (淘宝's 订单报表 with its 宝贝报表): stored_file is the
-- first, extra_files the others in upload order. parameters holds the form fields the import
-- kind asked for (such as the sales channel), as name=value strings.
ALTER TABLE import_job
    ADD COLUMN extra_files TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN parameters  TEXT[] NOT NULL DEFAULT '{}';
