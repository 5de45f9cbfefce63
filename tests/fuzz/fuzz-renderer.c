/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-renderer.c: libFuzzer target for the template renderer and the SMS
 * counter.  Besides “no crash, no leak”, it checks invariants that hold for
 * every input. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "herald-renderer.h"
#include "herald-sms.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static HeraldRenderScope *
make_scope (void)
{
  HeraldRenderScope *scope = herald_render_scope_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (json_parser_load_from_data (parser, "{\"city\": \"<Köln & \\\"Bonn\\\">\", \"n\": 3,"
                                  " \"a\": {\"b\": {\"c\": \"deep\"}}}", -1, NULL))
    herald_render_scope_set_contact (scope, "Jürgen", "Jürgen", "Groß", "j@example.org", "",
                                     json_node_get_object (json_parser_get_root (parser)));
  herald_render_scope_set_defaults_from_json (scope, "[{\"name\": \"coupon\", \"default\": \"X'1\"}]", NULL);
  herald_render_scope_set_value (scope, "unsubscribe_url", "https://example.org/u?a=1&b=2");
  return scope;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *source = (const char *) data;
  g_autoptr(HeraldRenderScope) scope = make_scope ();
  g_autoptr(HeraldParsedTemplate) parsed = NULL;
  g_autoptr(HeraldParsedTemplate) lenient = NULL;
  g_autoptr(GPtrArray) syntax = NULL;
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(HeraldSmsCount) count = NULL;

  parsed = herald_parsed_template_new (source, (gssize) size, &error);
  lenient = herald_parsed_template_new_lenient (source, (gssize) size, &syntax);
  checked = herald_template_check_syntax (source, (gssize) size);
  names = herald_template_dup_variables (source, (gssize) size);

  /* Strict and lenient parsing agree on whether the input is fine. */
  g_assert_true ((parsed != NULL) == (syntax->len == 0));
  g_assert_cmpuint (checked->len, ==, syntax->len);
  if (parsed == NULL)
    {
      HeraldRenderIssue *first = g_ptr_array_index (syntax, 0);

      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, first->message);
      g_assert_cmpuint (first->offset, <=, size);
      g_assert_cmpuint (first->line, >=, 1);
      g_assert_cmpuint (first->column, >=, 1);
    }
  else
    {
      g_auto(GStrv) strict_names = herald_parsed_template_dup_variables (parsed);

      g_assert_true (g_strv_equal ((const char * const *) strict_names, (const char * const *) names));
    }

  for (guint kind = HERALD_OUTPUT_HTML; kind <= HERALD_OUTPUT_PUSH; kind++)
    {
      g_autoptr(GPtrArray) issues = NULL;
      g_autofree char *out = herald_parsed_template_render (lenient, scope, kind,
                                                            kind == HERALD_OUTPUT_TEXT
                                                              ? HERALD_RENDER_KEEP_UNKNOWN
                                                              : HERALD_RENDER_NONE,
                                                            &issues);

      g_assert_nonnull (out);
      if (syntax->len == 0 || ((HeraldRenderIssue *) syntax->pdata[0])->kind != HERALD_RENDER_ISSUE_SYNTAX
          || g_utf8_validate_len (source, size, NULL))
        g_assert_true (g_utf8_validate (out, -1, NULL));
      for (guint i = 0; i < issues->len; i++)
        {
          HeraldRenderIssue *issue = g_ptr_array_index (issues, i);

          g_assert_nonnull (issue->name);
          g_assert_nonnull (issue->message);
          g_assert_cmpuint (issue->offset + issue->length, <=, size);
          g_assert_true (issue->length >= 4);
          g_assert_true (memcmp (source + issue->offset, "{{", 2) == 0);
          g_assert_true (memcmp (source + issue->offset + issue->length - 2, "}}", 2) == 0);
        }
      /* Without a tag, the output is the input. */
      if (g_utf8_validate_len (source, size, NULL) && memchr (source, '{', size) == NULL)
        g_assert_true (strlen (out) == size && memcmp (out, source, size) == 0);
    }

  {
    g_auto(GStrv) fallbacks = herald_parsed_template_dup_fallbacks (lenient, scope);

    g_assert_nonnull (fallbacks);
  }

  count = herald_sms_count (source, (gssize) size);
  g_assert_cmpuint (count->remaining, <=, count->segment_size);
  g_assert_true (count->units >= count->characters || count->encoding == HERALD_SMS_ENCODING_UCS2);
  g_assert_true ((count->units == 0) == (count->segments == 0));

  return 0;
}
