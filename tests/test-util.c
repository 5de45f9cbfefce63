/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-util.c: UUIDs and ISO 8601 times. */

#include "config.h"

#include "herald.h"

static void
test_uuid (void)
{
  g_autofree char *a = herald_uuid_new ();
  g_autofree char *b = herald_uuid_new ();

  g_assert_true (herald_uuid_is_valid (a));
  g_assert_cmpstr (a, !=, b);
  g_assert_false (herald_uuid_is_valid (NULL));
  g_assert_false (herald_uuid_is_valid (""));
  g_assert_false (herald_uuid_is_valid ("not-a-uuid"));
  g_assert_false (herald_uuid_is_valid ("123e4567-e89b-12d3-a456-42661417400"));
  g_assert_true (herald_uuid_is_valid ("123e4567-e89b-12d3-a456-426614174000"));
}

static void
test_iso8601 (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) back = NULL;
  g_autofree char *str = NULL;

  if (berlin == NULL)
    berlin = g_time_zone_new_offset (3600);
  local = g_date_time_new (berlin, 2026, 1, 15, 10, 30, 5.25);
  str = herald_datetime_to_iso8601 (local);
  g_assert_cmpstr (str, ==, "2026-01-15T09:30:05.250Z");

  back = herald_datetime_from_iso8601 (str);
  g_assert_nonnull (back);
  g_assert_true (g_date_time_equal (back, local));
  g_assert_cmpint (g_date_time_get_utc_offset (back), ==, 0);

  g_assert_null (herald_datetime_to_iso8601 (NULL));
  g_assert_null (herald_datetime_from_iso8601 (NULL));
  g_assert_null (herald_datetime_from_iso8601 (""));
  g_assert_null (herald_datetime_from_iso8601 ("yesterday"));
  {
    g_autoptr(GDateTime) naive = herald_datetime_from_iso8601 ("2026-03-01T12:00:00");
    g_autofree char *s = herald_datetime_to_iso8601 (naive);
    g_assert_cmpstr (s, ==, "2026-03-01T12:00:00.000Z");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/util/uuid", test_uuid);
  g_test_add_func ("/herald/util/iso8601", test_iso8601);

  return g_test_run ();
}
