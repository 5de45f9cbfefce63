/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-html-text.h: a readable plain-text version of an HTML mail. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HeraldHtmlTextFlags:
 * @HERALD_HTML_TEXT_NONE: one line per paragraph
 * @HERALD_HTML_TEXT_WRAP: wrap lines at %HERALD_HTML_TEXT_WIDTH columns
 */
typedef enum
{
  HERALD_HTML_TEXT_NONE = 0,
  HERALD_HTML_TEXT_WRAP = 1 << 0,
} HeraldHtmlTextFlags;

#define HERALD_HTML_TEXT_WIDTH 78

char *herald_html_to_text (const char          *html,
                           gssize               length,
                           HeraldHtmlTextFlags  flags);
char *herald_text_wrap    (const char          *text,
                           guint                width);

G_END_DECLS
