/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-sms.h: SMS segment counting (GSM-7 / UCS-2) and push text limits. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HeraldSmsEncoding:
 * @HERALD_SMS_ENCODING_GSM7: the GSM 03.38 7-bit alphabet, 160 septets in a
 *   single message, 153 per part of a concatenated one
 * @HERALD_SMS_ENCODING_UCS2: UCS-2 (UTF-16 in practice), 70 code units in a
 *   single message, 67 per part
 */
typedef enum
{
  HERALD_SMS_ENCODING_GSM7,
  HERALD_SMS_ENCODING_UCS2,
} HeraldSmsEncoding;

#define HERALD_SMS_GSM7_SINGLE 160
#define HERALD_SMS_GSM7_PART   153
#define HERALD_SMS_UCS2_SINGLE 70
#define HERALD_SMS_UCS2_PART   67

/**
 * HeraldSmsCharacter:
 * @character: a character outside the GSM-7 alphabet
 * @index: its position in characters (code points) from 0
 * @offset: its position in bytes
 *
 * A character that forces UCS-2.
 */
typedef struct
{
  gunichar character;
  guint index;
  gsize offset;
} HeraldSmsCharacter;

/**
 * HeraldSmsCount:
 * @encoding: the encoding the text needs
 * @characters: the number of characters (Unicode code points)
 * @units: the length in the encoding: septets for GSM-7 (extension
 *   characters count 2), UTF-16 code units for UCS-2 (emoji count 2)
 * @segments: the number of SMS the text is sent as (0 for an empty text)
 * @segment_size: the units per segment: 160 or 70 for a single message,
 *   153 or 67 for a concatenated one
 * @remaining: units left in the last segment before another one is needed
 * @ucs2_characters: (element-type HeraldSmsCharacter): the characters that
 *   force UCS-2, empty for GSM-7
 *
 * The result of herald_sms_count().
 */
typedef struct
{
  HeraldSmsEncoding encoding;
  guint characters;
  guint units;
  guint segments;
  guint segment_size;
  guint remaining;
  GArray *ucs2_characters;
} HeraldSmsCount;

#define HERALD_TYPE_SMS_COUNT (herald_sms_count_get_type ())

GType           herald_sms_count_get_type (void) G_GNUC_CONST;
HeraldSmsCount *herald_sms_count          (const char           *text,
                                           gssize                length);
HeraldSmsCount *herald_sms_count_copy     (const HeraldSmsCount *count);
void            herald_sms_count_free     (HeraldSmsCount       *count);
guint           herald_sms_gsm7_septets   (gunichar              ch);

/* Push notification limits, in characters; see docs/templates.md. */
#define HERALD_PUSH_TITLE_MAX 65
#define HERALD_PUSH_BODY_MAX  240

int             herald_push_title_remaining (const char *title);
int             herald_push_body_remaining  (const char *body);
gsize           herald_push_limit_offset    (const char *text,
                                             guint       max_characters);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldSmsCount, herald_sms_count_free)

G_END_DECLS
