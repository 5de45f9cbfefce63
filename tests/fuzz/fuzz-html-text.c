/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-html-text.c: libFuzzer target for the HTML to text conversion and
 * the linter, which both read untrusted HTML with libxml2. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "herald-html-text.h"
#include "herald-lint.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *html = g_strndup ((const char *) data, size);
  g_autofree char *text = herald_html_to_text ((const char *) data, (gssize) size, HERALD_HTML_TEXT_NONE);
  g_autofree char *wrapped = herald_html_to_text ((const char *) data, (gssize) size, HERALD_HTML_TEXT_WRAP);
  g_autofree char *again = herald_html_to_text ((const char *) data, (gssize) size, HERALD_HTML_TEXT_NONE);
  g_autoptr(GPtrArray) findings = NULL;
  const char * const known[] = { "city", NULL };

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_utf8_validate (wrapped, -1, NULL));
  g_assert_cmpstr (text, ==, again);
  g_assert_null (strstr (text, "\n\n\n"));

  /* The linter takes nul-terminated parts; only the prefix before a NUL. */
  if (g_utf8_validate (html, -1, NULL))
    {
      findings = herald_lint_email (html, html, html, html, known);
      for (guint i = 0; i < findings->len; i++)
        {
          HeraldLintFinding *finding = g_ptr_array_index (findings, i);

          g_assert_nonnull (finding->code);
          g_assert_true (g_utf8_validate (finding->message, -1, NULL));
        }
      g_clear_pointer (&findings, g_ptr_array_unref);
      findings = herald_lint_sms (html, known);
      g_clear_pointer (&findings, g_ptr_array_unref);
      findings = herald_lint_push (html, html, known);
    }
  return 0;
}
