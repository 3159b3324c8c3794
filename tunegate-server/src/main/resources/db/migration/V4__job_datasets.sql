-- The datasets a job trains on: its ds- reference, or the dataset its s3:// / https:// data was imported as.
alter table jobs add column training_dataset text;
alter table jobs add column validation_dataset text;
