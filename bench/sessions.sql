-- Generates sessions for the benchmark, in the same columns on Stride's schema and on the peer's.
-- psql variables: first_user, users (user ids u00001...), per_user (sessions each),
-- finish (the statement that ends the WITH, given the CTE stored(id, started_at): on Stride it
-- fills session_ids, on the peer it counts). Starts spread over the two years before now,
-- mostly in the morning and the evening; strength, yoga and other have no distance, and some
-- sessions lack calories or heart rates.
WITH generated AS (
  SELECT gen_random_uuid() AS id,
         'u' || lpad(u::text, 5, '0') AS user_id,
         (ARRAY['running', 'running', 'running', 'cycling', 'cycling', 'walking', 'walking',
                'swimming', 'hiking', 'rowing', 'strength', 'yoga', 'other'])[1 + floor(random() * 13)::int]
           AS activity,
         date_trunc('day', now() - interval '730 days' * random())
           + interval '1 hour' * (ARRAY[6, 7, 7, 8, 12, 17, 18, 18, 19, 20])[1 + floor(random() * 10)::int]
           + interval '1 second' * floor(random() * 3600) AS started_at,
         600 + floor(random() * 6600)::int AS duration_seconds,
         random() AS r_distance, random() AS r_calories, random() AS r_heart, random() AS r_spread
  FROM generate_series(:first_user, :first_user + :users - 1) AS u,
       generate_series(1, :per_user) AS n
),
stored AS (
  INSERT INTO sessions (id, user_id, activity, started_at, duration_seconds, distance_meters,
                        calories, avg_heart_rate, max_heart_rate)
  SELECT id, user_id, activity, least(started_at, now()), duration_seconds,
         CASE WHEN activity IN ('strength', 'yoga', 'other') OR r_distance < 0.1 THEN NULL
              ELSE round((duration_seconds * (1.2 + 5 * r_distance))::numeric, 1)::float8 END,
         CASE WHEN r_calories < 0.15 THEN NULL ELSE duration_seconds / 6 + floor(r_calories * 200)::int END,
         CASE WHEN r_heart < 0.25 THEN NULL ELSE 95 + floor(r_heart * 80)::int END,
         CASE WHEN r_heart < 0.25 THEN NULL ELSE least(250, 95 + floor(r_heart * 80)::int + floor(r_spread * 40)::int) END
  FROM generated
  RETURNING id, started_at
)
:finish;
