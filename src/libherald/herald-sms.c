/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-sms.c: SMS segment counting (GSM-7 / UCS-2) and push text limits.
 *
 * A text that fits the GSM 03.38 alphabet is sent in 7-bit septets; its
 * extension table characters take an escape septet each, so they count 2.
 * One character outside it forces the whole text into UCS-2, which the
 * phones treat as UTF-16: characters beyond the BMP (most emoji) take two
 * code units.  Concatenated messages lose 7 septets (6 octets) per part to
 * the user data header, and a character is never split between parts.
 */

#include "config.h"

#include <string.h>

#include "herald-sms.h"

/* GSM 03.38 basic set characters outside ASCII. */
static const gunichar gsm7_basic_non_ascii[] = {
  0x00A3, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, 0x00F2, 0x00C7, /* £ ¥ è é ù ì ò Ç */
  0x00D8, 0x00F8, 0x00C5, 0x00E5, 0x0394, 0x03A6, 0x0393, 0x039B, /* Ø ø Å å Δ Φ Γ Λ */
  0x03A9, 0x03A0, 0x03A8, 0x03A3, 0x0398, 0x039E, 0x00C6, 0x00E6, /* Ω Π Ψ Σ Θ Ξ Æ æ */
  0x00DF, 0x00C9, 0x00A4, 0x00A1, 0x00C4, 0x00D6, 0x00D1, 0x00DC, /* ß É ¤ ¡ Ä Ö Ñ Ü */
  0x00A7, 0x00BF, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0,         /* § ¿ ä ö ñ ü à */
};

G_DEFINE_BOXED_TYPE (HeraldSmsCount, herald_sms_count,
                     herald_sms_count_copy, herald_sms_count_free)

/**
 * herald_sms_gsm7_septets:
 * @ch: a character
 *
 * Returns: 1 for a character of the GSM-7 basic set, 2 for one of its
 *   extension table (form feed, `^ { } \ [ ~ ] |` and `€`), 0 for a
 *   character that GSM-7 cannot encode.
 */
guint
herald_sms_gsm7_septets (gunichar ch)
{
  if (ch == '\n' || ch == '\r')
    return 1;
  if (ch == '\f' || ch == 0x20AC)
    return 2;
  if (ch >= 0x20 && ch < 0x7F)
    {
      if (strchr ("^{}\\[~]|", (int) ch) != NULL)
        return 2;
      return ch == '`' ? 0 : 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (gsm7_basic_non_ascii); i++)
    if (gsm7_basic_non_ascii[i] == ch)
      return 1;
  return 0;
}

/* Counts parts of @size units where a character of @width units is never
 * split; returns the units used in the last part. */
static guint
pack (const guint8 *widths,
      guint         n,
      guint         size,
      guint        *segments)
{
  guint used = 0;

  *segments = 1;
  for (guint i = 0; i < n; i++)
    {
      if (used + widths[i] > size)
        {
          (*segments)++;
          used = 0;
        }
      used += widths[i];
    }
  return used;
}

/**
 * herald_sms_count:
 * @text: the SMS text, UTF-8 (invalid sequences count as U+FFFD)
 * @length: its length in bytes, or -1 if it is nul-terminated
 *
 * Counts characters, encoding units and segments of an SMS.
 *
 * Returns: (transfer full): the count.
 */
HeraldSmsCount *
herald_sms_count (const char *text,
                  gssize      length)
{
  g_autoptr(HeraldSmsCount) count = g_new0 (HeraldSmsCount, 1);
  g_autofree char *valid = NULL;
  g_autoptr(GByteArray) gsm_widths = g_byte_array_new ();
  g_autoptr(GByteArray) ucs_widths = g_byte_array_new ();
  guint gsm_units = 0, ucs_units = 0;
  const char *p, *end;
  guint single, part, used;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);
  valid = g_utf8_make_valid (text, length);

  count->ucs2_characters = g_array_new (FALSE, FALSE, sizeof (HeraldSmsCharacter));
  end = valid + strlen (valid);
  for (p = valid; p < end; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      guint8 septets = herald_sms_gsm7_septets (ch);
      guint8 code_units = ch > 0xFFFF ? 2 : 1;

      if (septets == 0)
        {
          /* Positions refer to the caller's text while it was valid. */
          HeraldSmsCharacter c = { ch, count->characters, (gsize) (p - valid) };

          g_array_append_val (count->ucs2_characters, c);
        }
      g_byte_array_append (gsm_widths, &septets, 1);
      g_byte_array_append (ucs_widths, &code_units, 1);
      gsm_units += septets;
      ucs_units += code_units;
      count->characters++;
    }

  if (count->ucs2_characters->len == 0)
    {
      count->encoding = HERALD_SMS_ENCODING_GSM7;
      count->units = gsm_units;
      single = HERALD_SMS_GSM7_SINGLE;
      part = HERALD_SMS_GSM7_PART;
    }
  else
    {
      count->encoding = HERALD_SMS_ENCODING_UCS2;
      count->units = ucs_units;
      single = HERALD_SMS_UCS2_SINGLE;
      part = HERALD_SMS_UCS2_PART;
    }

  if (count->units == 0)
    {
      count->segments = 0;
      count->segment_size = single;
      count->remaining = single;
    }
  else if (count->units <= single)
    {
      count->segments = 1;
      count->segment_size = single;
      count->remaining = single - count->units;
    }
  else
    {
      GByteArray *widths = count->encoding == HERALD_SMS_ENCODING_GSM7 ? gsm_widths : ucs_widths;

      used = pack (widths->data, widths->len, part, &count->segments);
      count->segment_size = part;
      count->remaining = part - used;
    }

  return g_steal_pointer (&count);
}

/**
 * herald_sms_count_copy:
 * @count: a count
 *
 * Returns: (transfer full): a copy of @count.
 */
HeraldSmsCount *
herald_sms_count_copy (const HeraldSmsCount *count)
{
  HeraldSmsCount *copy;

  g_return_val_if_fail (count != NULL, NULL);

  copy = g_memdup2 (count, sizeof *count);
  copy->ucs2_characters = g_array_copy (count->ucs2_characters);
  return copy;
}

/**
 * herald_sms_count_free:
 * @count: (nullable): a count
 *
 * Frees @count.
 */
void
herald_sms_count_free (HeraldSmsCount *count)
{
  if (count == NULL)
    return;
  g_clear_pointer (&count->ucs2_characters, g_array_unref);
  g_free (count);
}

static int
remaining (const char *text,
           guint       max)
{
  glong n;

  if (text == NULL)
    return (int) max;
  n = g_utf8_strlen (text, -1);
  return (int) max - (int) MIN (n, G_MAXINT / 2);
}

/**
 * herald_push_title_remaining:
 * @title: (nullable): a push notification title
 *
 * Returns: how many characters may still be added before the title exceeds
 *   %HERALD_PUSH_TITLE_MAX (65); negative when it is too long already.
 */
int
herald_push_title_remaining (const char *title)
{
  return remaining (title, HERALD_PUSH_TITLE_MAX);
}

/**
 * herald_push_body_remaining:
 * @body: (nullable): a push notification body
 *
 * Returns: how many characters may still be added before the body exceeds
 *   %HERALD_PUSH_BODY_MAX (240); negative when it is too long already.
 */
int
herald_push_body_remaining (const char *body)
{
  return remaining (body, HERALD_PUSH_BODY_MAX);
}

/**
 * herald_push_limit_offset:
 * @text: a UTF-8 text
 * @max_characters: a limit in characters
 *
 * Finds where a text passes a limit, so that the editor can mark the part
 * that a device would cut off.
 *
 * Returns: the byte offset of the first character beyond @max_characters,
 *   or the length of @text when it fits.
 */
gsize
herald_push_limit_offset (const char *text,
                          guint       max_characters)
{
  const char *p = text;

  g_return_val_if_fail (text != NULL, 0);

  for (guint i = 0; i < max_characters && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  return (gsize) (p - text);
}
