// A CSV shaped like Optuna's study.trials_dataframe().to_csv(), for the import tests in Node and in
// the page: a byte-order mark, CRLF, pandas' unnamed index column, datetimes and durations, a
// conditional parameter left empty (NaN), True/False, user_attrs holding quoted JSON with commas and
// newlines, and COMPLETE / PRUNED / FAIL states.
export const OPTUNA_TRIALS_CSV =
  '\uFEFF' +
  [
    ',number,value,datetime_start,datetime_complete,duration,params_channels,params_learningRate,params_momentum,params_optimizer,params_augment,user_attrs_rungs,user_attrs_note,state',
    '0,0,0.41,2026-01-02 10:00:00.123456,2026-01-02 10:01:00.5,0 days 00:01:00.376544,32,0.001,,adam,True,"{""1"": 0.2, ""3"": 0.3, ""9"": 0.41}","plain, with a comma",COMPLETE',
    '1,1,0.12,2026-01-02 10:01:00.6,2026-01-02 10:01:10.0,0 days 00:00:09.400000,48,0.009,0.9,sgd,False,"{""1"": 0.12,\n ""pruned_at"": ""rung 1""}","a ""quoted"" word\nand a second line",PRUNED',
    '2,2,,2026-01-02 10:01:10.1,,,64,0.002,0.5,sgd,False,{},,FAIL',
    '3,3,0.52,2026-01-02 10:02:00.0,2026-01-02 10:03:00.0,0 days 00:01:00,48,0.004,0.5,sgd,True,"[1, 2, {""x"": ""a,b""}]",,COMPLETE',
  ].join('\r\n') +
  '\r\n';

/** What the CSV holds, per row: configuration overrides, state and value. */
export const OPTUNA_TRIALS_EXPECTED = [
  { config: { channels: 32, learningRate: 0.001, augment: 1 }, state: 'completed', value: 0.41 },
  { config: { channels: 48, learningRate: 0.009, optimizer: 'sgd', momentum: 0.9 }, state: 'completed', value: 0.12 },
  { config: { channels: 64, learningRate: 0.002, optimizer: 'sgd', momentum: 0.5 }, state: 'failed', value: null },
  {
    config: { channels: 48, learningRate: 0.004, optimizer: 'sgd', momentum: 0.5, augment: 1 },
    state: 'completed',
    value: 0.52,
  },
] as const;
