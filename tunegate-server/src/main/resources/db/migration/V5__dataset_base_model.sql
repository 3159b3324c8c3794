-- The base model an upload was analyzed for (tokenizer and limits come from it); null when none was given.
alter table datasets add column base_model text;
