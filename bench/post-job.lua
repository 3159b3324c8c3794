-- wrk script for `POST /v1/jobs` (used by bench/load.sh).
--
-- The API key comes from the environment (TUNEGATE_API_KEY), never from the command line.
-- The body is fixed, so wrk builds the request once and the client stays cheap; every request
-- still creates a new job. A long sandbox duration keeps those jobs queued/running quietly
-- for the whole run instead of finishing (and writing metrics/events) while we measure.

local key = os.getenv("TUNEGATE_API_KEY")
if key == nil or key == "" then
  io.stderr:write("post-job.lua: set TUNEGATE_API_KEY\n")
  os.exit(2)
end

local duration = os.getenv("BENCH_SANDBOX_DURATION_SECONDS") or "3600"
local dataset = os.getenv("BENCH_DATASET")
if dataset == nil or dataset == "" then
  io.stderr:write("post-job.lua: set BENCH_DATASET to a ds- id\n")
  os.exit(2)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key
wrk.body = '{"job_name":"bench",'
  .. '"base_model":"meta-llama/Llama-3.1-8B-Instruct",'
  .. '"training_data":"' .. dataset .. '",'
  .. '"provider_options":{"sandbox":{"duration_seconds":' .. duration .. '}}}'
