/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sms.c: SMS segments (GSM-7 / UCS-2) and push limits. */

#include "config.h"

#include <string.h>

#include "herald-sms.h"

static char *
repeat (const char *unit,
        guint       n)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (str, unit);
  return g_string_free (str, FALSE);
}

static void
assert_count (const char        *text,
              HeraldSmsEncoding  encoding,
              guint              characters,
              guint              units,
              guint              segments,
              guint              segment_size,
              guint              remaining)
{
  g_autoptr(HeraldSmsCount) count = herald_sms_count (text, -1);

  g_assert_cmpint (count->encoding, ==, encoding);
  g_assert_cmpuint (count->characters, ==, characters);
  g_assert_cmpuint (count->units, ==, units);
  g_assert_cmpuint (count->segments, ==, segments);
  g_assert_cmpuint (count->segment_size, ==, segment_size);
  g_assert_cmpuint (count->remaining, ==, remaining);
  if (encoding == HERALD_SMS_ENCODING_GSM7)
    g_assert_cmpuint (count->ucs2_characters->len, ==, 0);
  else
    g_assert_cmpuint (count->ucs2_characters->len, >, 0);
}

static void
test_gsm7 (void)
{
  assert_count ("", HERALD_SMS_ENCODING_GSM7, 0, 0, 0, 160, 160);
  assert_count ("Hallo Jürgen, Ihr Gutschein: 10% auf alles! @Öffnungszeiten §3 £5 ¥ Δ",
                HERALD_SMS_ENCODING_GSM7, 69, 69, 1, 160, 91);
  assert_count ("line\r\nbreak", HERALD_SMS_ENCODING_GSM7, 11, 11, 1, 160, 149);
  /* German umlauts and ß are in the basic set; É too, but not Ê. */
  assert_count ("ÄÖÜäöüßÉ", HERALD_SMS_ENCODING_GSM7, 8, 8, 1, 160, 152);
  for (const char *p = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
       *p; p = g_utf8_next_char (p))
    g_assert_cmpuint (herald_sms_gsm7_septets (g_utf8_get_char (p)), ==, 1);
}

static void
test_extended (void)
{
  const char *ext = "^{}\\[~]|€\f";

  for (const char *p = ext; *p; p = g_utf8_next_char (p))
    g_assert_cmpuint (herald_sms_gsm7_septets (g_utf8_get_char (p)), ==, 2);
  g_assert_cmpuint (herald_sms_gsm7_septets ('`'), ==, 0);
  g_assert_cmpuint (herald_sms_gsm7_septets (0x00EA), ==, 0);   /* ê */
  g_assert_cmpuint (herald_sms_gsm7_septets (0x1B), ==, 0);     /* a bare escape */

  assert_count ("Preis: 5€ [neu]", HERALD_SMS_ENCODING_GSM7, 15, 18, 1, 160, 142);

  /* 80 euro signs are 160 septets: one message; 81 need two parts. */
  {
    g_autofree char *euros = repeat ("€", 80);
    g_autofree char *more = repeat ("€", 81);

    assert_count (euros, HERALD_SMS_ENCODING_GSM7, 80, 160, 1, 160, 0);
    /* 76 per part (152 septets), since an escape pair is never split. */
    assert_count (more, HERALD_SMS_ENCODING_GSM7, 81, 162, 2, 153, 153 - 10);
  }
  /* 152 plain + one “{” at the part boundary moves to the next part. */
  {
    g_autofree char *base = repeat ("a", 152);
    g_autofree char *text = g_strconcat (base, "{", base, NULL);

    assert_count (text, HERALD_SMS_ENCODING_GSM7, 305, 306, 3, 153, 153 - 1);
  }
}

static void
test_ucs2 (void)
{
  g_autoptr(HeraldSmsCount) count = NULL;
  HeraldSmsCharacter *c;

  assert_count ("Grüße 👋", HERALD_SMS_ENCODING_UCS2, 7, 8, 1, 70, 62);
  assert_count ("שלום", HERALD_SMS_ENCODING_UCS2, 4, 4, 1, 70, 66);
  assert_count ("Crème brûlée", HERALD_SMS_ENCODING_UCS2, 12, 12, 1, 70, 58);

  count = herald_sms_count ("Bonne fête `x` 😀", -1);
  g_assert_cmpuint (count->ucs2_characters->len, ==, 4);
  c = &g_array_index (count->ucs2_characters, HeraldSmsCharacter, 0);
  g_assert_cmpuint (c->character, ==, 0x00EA);
  g_assert_cmpuint (c->index, ==, 7);
  g_assert_cmpuint (c->offset, ==, 7);
  c = &g_array_index (count->ucs2_characters, HeraldSmsCharacter, 1);
  g_assert_cmpuint (c->character, ==, '`');
  g_assert_cmpuint (c->index, ==, 11);
  g_assert_cmpuint (c->offset, ==, 12);
  c = &g_array_index (count->ucs2_characters, HeraldSmsCharacter, 3);
  g_assert_cmpuint (c->character, ==, 0x1F600);
  g_assert_cmpuint (c->index, ==, 15);
  g_assert_cmpuint (c->offset, ==, 16);
  g_assert_cmpuint (count->units, ==, 17);

  /* Invalid UTF-8 counts as U+FFFD, which needs UCS-2. */
  {
    g_autoptr(HeraldSmsCount) bad = herald_sms_count ("ab\xff", -1);
    g_autoptr(HeraldSmsCount) copy = herald_sms_count_copy (bad);

    g_assert_cmpint (bad->encoding, ==, HERALD_SMS_ENCODING_UCS2);
    g_assert_cmpuint (bad->characters, ==, 3);
    g_assert_cmpuint (copy->ucs2_characters->len, ==, 1);
    g_assert_cmpuint (g_array_index (copy->ucs2_characters, HeraldSmsCharacter, 0).character, ==, 0xFFFD);
  }
}

static void
test_boundaries (void)
{
  g_autofree char *a160 = repeat ("a", 160);
  g_autofree char *a161 = repeat ("a", 161);
  g_autofree char *a306 = repeat ("a", 306);
  g_autofree char *a307 = repeat ("a", 307);
  g_autofree char *a459 = repeat ("a", 459);
  g_autofree char *u69 = repeat ("ä", 69);
  g_autofree char *u70b = g_strconcat (u69, "ж", NULL);
  g_autofree char *u71 = g_strconcat (u70b, "ж", NULL);
  g_autofree char *e35 = repeat ("😀", 35);
  g_autofree char *e36 = repeat ("😀", 36);

  assert_count (a160, HERALD_SMS_ENCODING_GSM7, 160, 160, 1, 160, 0);
  assert_count (a161, HERALD_SMS_ENCODING_GSM7, 161, 161, 2, 153, 145);
  assert_count (a306, HERALD_SMS_ENCODING_GSM7, 306, 306, 2, 153, 0);
  assert_count (a307, HERALD_SMS_ENCODING_GSM7, 307, 307, 3, 153, 152);
  assert_count (a459, HERALD_SMS_ENCODING_GSM7, 459, 459, 3, 153, 0);

  assert_count (u70b, HERALD_SMS_ENCODING_UCS2, 70, 70, 1, 70, 0);
  assert_count (u71, HERALD_SMS_ENCODING_UCS2, 71, 71, 2, 67, 63);
  {
    g_autofree char *z = repeat ("ж", 134);
    g_autofree char *z1 = repeat ("ж", 135);

    assert_count (z, HERALD_SMS_ENCODING_UCS2, 134, 134, 2, 67, 0);
    assert_count (z1, HERALD_SMS_ENCODING_UCS2, 135, 135, 3, 67, 66);
  }

  /* Emoji are two UTF-16 units: 35 fit one message, 36 do not. */
  assert_count (e35, HERALD_SMS_ENCODING_UCS2, 35, 70, 1, 70, 0);
  /* 33 emoji per part (66 units): a surrogate pair is never split. */
  assert_count (e36, HERALD_SMS_ENCODING_UCS2, 36, 72, 2, 67, 67 - 6);
}

static void
test_push (void)
{
  g_autofree char *title = repeat ("ä", 65);
  g_autofree char *long_title = repeat ("x", 70);
  g_autofree char *body = repeat ("😀", 240);

  g_assert_cmpint (herald_push_title_remaining (NULL), ==, 65);
  g_assert_cmpint (herald_push_title_remaining ("Sale"), ==, 61);
  g_assert_cmpint (herald_push_title_remaining (title), ==, 0);
  g_assert_cmpint (herald_push_title_remaining (long_title), ==, -5);
  g_assert_cmpint (herald_push_body_remaining (body), ==, 0);
  g_assert_cmpint (herald_push_body_remaining ("Hallo"), ==, 235);

  g_assert_cmpuint (herald_push_limit_offset (long_title, HERALD_PUSH_TITLE_MAX), ==, 65);
  g_assert_cmpuint (herald_push_limit_offset (title, 2), ==, 4);
  g_assert_cmpuint (herald_push_limit_offset ("ab", 65), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/sms/gsm7", test_gsm7);
  g_test_add_func ("/herald/sms/extended", test_extended);
  g_test_add_func ("/herald/sms/ucs2", test_ucs2);
  g_test_add_func ("/herald/sms/boundaries", test_boundaries);
  g_test_add_func ("/herald/sms/push", test_push);

  return g_test_run ();
}
