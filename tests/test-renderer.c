/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-renderer.c: the {{ variable }} template renderer. */

#include "config.h"

#include <string.h>

#include "herald-enum-types.h"
#include "herald-renderer.h"

static HeraldRenderScope *
make_scope (void)
{
  HeraldRenderScope *scope = herald_render_scope_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *attributes;

  g_assert_true (json_parser_load_from_data (parser,
    "{\"city\": \"München\", \"plan\": \"Pro <gold>\", \"visits\": 42,"
    " \"vip\": true, \"ratio\": 0.5, \"empty\": \"\", \"none\": null,"
    " \"address\": {\"street\": \"Hauptstraße 1\", \"geo\": {\"lat\": 48.1}},"
    " \"email\": \"attr@example.org\"}", -1, NULL));
  attributes = json_node_get_object (json_parser_get_root (parser));
  herald_render_scope_set_contact (scope, "Jürgen Groß", "Jürgen", "Groß",
                                   "juergen@example.org", NULL, attributes);
  return scope;
}

static char *
render (HeraldRenderScope *scope,
        const char        *source,
        HeraldOutputKind   kind)
{
  g_autoptr(GError) error = NULL;
  char *out = herald_render (source, -1, scope, kind, HERALD_RENDER_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (out);
  return out;
}

#define assert_renders(scope, source, kind, expected) \
  G_STMT_START { \
    g_autofree char *out_ = render ((scope), (source), (kind)); \
    g_assert_cmpstr (out_, ==, (expected)); \
  } G_STMT_END

static void
test_basic (void)
{
  g_autoptr(HeraldRenderScope) scope = make_scope ();

  assert_renders (scope, "Hallo {{ first_name }}!", HERALD_OUTPUT_TEXT, "Hallo Jürgen!");
  assert_renders (scope, "Hallo {{first_name}}!", HERALD_OUTPUT_TEXT, "Hallo Jürgen!");
  assert_renders (scope, "{{\tname\n}}", HERALD_OUTPUT_TEXT, "Jürgen Groß");
  assert_renders (scope, "{{ email }} / {{ last_name }}", HERALD_OUTPUT_TEXT,
                  "juergen@example.org / Groß");
  assert_renders (scope, "", HERALD_OUTPUT_HTML, "");
  assert_renders (scope, "no tags at all", HERALD_OUTPUT_HTML, "no tags at all");
  assert_renders (scope, "{{ first_name }}{{ last_name }}", HERALD_OUTPUT_SMS, "JürgenGroß");
  /* A string literal is a way to write “{{” itself. */
  assert_renders (scope, "{{ \"{{\" }} name }}", HERALD_OUTPUT_TEXT, "{{ name }}");

  /* Literals are never reported, even when empty. */
  {
    g_autoptr(GPtrArray) issues = NULL;
    g_autofree char *out = herald_render ("[{{ \"\" }}][{{ '' | default: 'x' }}]", -1, scope,
                                          HERALD_OUTPUT_TEXT, 0, &issues, NULL);

    g_assert_cmpstr (out, ==, "[][x]");
    g_assert_cmpuint (issues->len, ==, 0);
  }
}

static void
test_escaping (void)
{
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
  g_autoptr(GString) str = g_string_new (NULL);

  herald_render_scope_set_value (scope, "x", "<b>Tom & \"Jerry\" 's</b>");
  assert_renders (scope, "<p title=\"{{ x }}\">{{ x }}</p>", HERALD_OUTPUT_HTML,
                  "<p title=\"&lt;b&gt;Tom &amp; &quot;Jerry&quot; &#39;s&lt;/b&gt;\">"
                  "&lt;b&gt;Tom &amp; &quot;Jerry&quot; &#39;s&lt;/b&gt;</p>");
  assert_renders (scope, "{{ x }}", HERALD_OUTPUT_TEXT, "<b>Tom & \"Jerry\" 's</b>");
  assert_renders (scope, "{{ x }}", HERALD_OUTPUT_SMS, "<b>Tom & \"Jerry\" 's</b>");
  assert_renders (scope, "{{ x }}", HERALD_OUTPUT_PUSH, "<b>Tom & \"Jerry\" 's</b>");
  /* Fallback texts are values too and get escaped. */
  assert_renders (scope, "{{ y | default: \"<A&B>\" }}", HERALD_OUTPUT_HTML, "&lt;A&amp;B&gt;");
  /* Values are not templates: tags in them are inserted as text. */
  herald_render_scope_set_value (scope, "t", "{{ x }} *|FNAME|*");
  assert_renders (scope, "{{ t }}", HERALD_OUTPUT_TEXT, "{{ x }} *|FNAME|*");
  /* Invalid UTF-8 from the caller does not reach the output. */
  herald_render_scope_set_value (scope, "bad", "a\xff" "b");
  assert_renders (scope, "{{ bad }}", HERALD_OUTPUT_TEXT, "a\xef\xbf\xbd" "b");
  /* The template's own markup is never touched. */
  assert_renders (scope, "<a href=\"?a=1&b=2\">&amp;</a>", HERALD_OUTPUT_HTML,
                  "<a href=\"?a=1&b=2\">&amp;</a>");

  herald_render_append_escaped (str, "a<b", 2, HERALD_OUTPUT_HTML);
  g_assert_cmpstr (str->str, ==, "a&lt;");
}

static void
test_fallbacks (void)
{
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldParsedTemplate) parsed = NULL;
  g_auto(GStrv) fallbacks = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *out = NULL;
  gboolean is_default = TRUE;

  assert_renders (scope, "Hallo {{ first_name | default: \"Kundin/Kunde\" }}", HERALD_OUTPUT_TEXT,
                  "Hallo Kundin/Kunde");
  assert_renders (scope, "{{ first_name|default:'x \\\"y\\\" \\'z\\' \\\\ \\n\\t' }}", HERALD_OUTPUT_TEXT,
                  "x \"y\" 'z' \\ \n\t");
  assert_renders (scope, "{{ first_name | default: \"\" }}", HERALD_OUTPUT_TEXT, "");

  /* An empty contact field falls back like a missing one. */
  herald_render_scope_set_contact (scope, "", "", NULL, NULL, NULL, NULL);
  assert_renders (scope, "{{ first_name | default: \"Kunde\" }}", HERALD_OUTPUT_TEXT, "Kunde");
  herald_render_scope_set_contact (scope, NULL, "Ada", NULL, NULL, NULL, NULL);
  assert_renders (scope, "{{ first_name | default: \"Kunde\" }}", HERALD_OUTPUT_TEXT, "Ada");

  /* Template defaults, object form, and the contact winning over them. */
  g_assert_true (herald_render_scope_set_defaults_from_json (scope,
    "{\"first_name\": \"Kundin\", \"city\": {\"default\": \"Berlin\", \"description\": \"Stadt\"},"
    " \"code\": 7, \"nodefault\": {\"description\": \"x\"}}", &error));
  g_assert_no_error (error);
  assert_renders (scope, "{{ first_name }} {{ city }} {{ code }}", HERALD_OUTPUT_TEXT, "Ada Berlin 7");
  g_assert_true (herald_render_scope_is_known (scope, "nodefault"));
  g_assert_cmpstr (herald_render_scope_lookup (scope, "city", &is_default), ==, "Berlin");
  g_assert_true (is_default);
  g_assert_cmpstr (herald_render_scope_lookup (scope, "first_name", &is_default), ==, "Ada");
  g_assert_false (is_default);
  /* The filter's fallback is only used when no value, not even a default, exists. */
  assert_renders (scope, "{{ city | default: \"Hamburg\" }}", HERALD_OUTPUT_TEXT, "Berlin");

  parsed = herald_parsed_template_new ("{{ first_name }} {{ city }} {{ zip | default: \"0\" }} {{ city }}", -1, &error);
  g_assert_no_error (error);
  fallbacks = herald_parsed_template_dup_fallbacks (parsed, scope);
  g_assert_cmpuint (g_strv_length (fallbacks), ==, 2);
  g_assert_cmpstr (fallbacks[0], ==, "city");
  g_assert_cmpstr (fallbacks[1], ==, "zip");

  out = herald_parsed_template_render (parsed, scope, HERALD_OUTPUT_TEXT, HERALD_RENDER_NONE, &issues);
  g_assert_cmpstr (out, ==, "Ada Berlin 0 Berlin");
  /* zip is unknown (and uses its fallback), city twice a fallback. */
  g_assert_cmpuint (issues->len, ==, 3);

  /* Array form; it replaces the previous defaults. */
  g_assert_true (herald_render_scope_set_defaults_from_json (scope,
    "[{\"name\": \"city\", \"default\": \"Köln\", \"description\": \"\"}, {\"name\": 3}, 5,"
    " {\"name\": \"country\"}]", &error));
  g_assert_no_error (error);
  assert_renders (scope, "{{ city }}", HERALD_OUTPUT_TEXT, "Köln");
  g_assert_false (herald_render_scope_is_known (scope, "code"));
  g_assert_true (herald_render_scope_is_known (scope, "country"));

  g_assert_false (herald_render_scope_set_defaults_from_json (scope, "{nope", &error));
  g_assert_error (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_INVALID_JSON);
  g_clear_error (&error);
  g_assert_false (herald_render_scope_set_defaults_from_json (scope, "\"text\"", &error));
  g_assert_error (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_INVALID_JSON);
  g_clear_error (&error);
  g_assert_false (herald_render_scope_is_known (scope, "city"));
  g_assert_true (herald_render_scope_set_defaults_from_json (scope, NULL, &error));
  g_assert_true (herald_render_scope_set_defaults_from_json (scope, "", &error));
}

static void
test_attributes (void)
{
  g_autoptr(HeraldRenderScope) scope = make_scope ();
  g_auto(GStrv) names = NULL;

  assert_renders (scope, "{{ city }}, {{ address.street }}, {{ address.geo.lat }}",
                  HERALD_OUTPUT_TEXT, "München, Hauptstraße 1, 48.1");
  assert_renders (scope, "{{ visits }} {{ vip }} {{ ratio }}", HERALD_OUTPUT_TEXT, "42 true 0.5");
  assert_renders (scope, "[{{ empty }}][{{ none }}][{{ address }}]", HERALD_OUTPUT_TEXT, "[][][]");
  /* An attribute does not hide the contact's own field. */
  assert_renders (scope, "{{ email }}", HERALD_OUTPUT_TEXT, "juergen@example.org");
  assert_renders (scope, "{{ plan }}", HERALD_OUTPUT_HTML, "Pro &lt;gold&gt;");

  /* Explicit values win over everything. */
  herald_render_scope_set_value (scope, "city", "Wien");
  assert_renders (scope, "{{ city }}", HERALD_OUTPUT_TEXT, "Wien");
  herald_render_scope_set_value (scope, "city", NULL);
  assert_renders (scope, "{{ city }}", HERALD_OUTPUT_TEXT, "München");

  names = herald_render_scope_dup_names (scope);
  g_assert_true (g_strv_contains ((const char * const *) names, "address.geo.lat"));
  g_assert_true (g_strv_contains ((const char * const *) names, "unsubscribe_url"));
  for (guint i = 1; names[i] != NULL; i++)
    g_assert_cmpint (strcmp (names[i - 1], names[i]), <, 0);

  /* A new contact replaces the old one's attributes. */
  herald_render_scope_set_contact (scope, NULL, NULL, NULL, NULL, NULL, NULL);
  g_assert_false (herald_render_scope_is_known (scope, "city"));
  g_assert_true (herald_render_scope_is_known (scope, "first_name"));
}

static void
test_filters (void)
{
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();

  herald_render_scope_set_value (scope, "n", "jürgen straße");
  herald_render_scope_set_value (scope, "e", "éMILE");
  assert_renders (scope, "{{ n | upper }}", HERALD_OUTPUT_TEXT, "JÜRGEN STRASSE");
  assert_renders (scope, "{{ e | lower }}", HERALD_OUTPUT_TEXT, "émile");
  assert_renders (scope, "{{ n | capitalize }}", HERALD_OUTPUT_TEXT, "Jürgen straße");
  assert_renders (scope, "{{ e | lower | capitalize }}", HERALD_OUTPUT_TEXT, "Émile");
  assert_renders (scope, "{{ x | upper | default: \"kunde\" }}", HERALD_OUTPUT_TEXT, "kunde");
  assert_renders (scope, "{{ x | default: \"kunde\" | capitalize }}", HERALD_OUTPUT_TEXT, "Kunde");
  assert_renders (scope, "{{ \"ä\" | upper }}", HERALD_OUTPUT_TEXT, "Ä");
}

static void
test_unicode (void)
{
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *out = NULL;
  const char *source = "Grüße 👋🏽 שלום\n  ÄÖÜ {{ who }} 🎉 {{ nobody }}";
  HeraldRenderIssue *issue;

  herald_render_scope_set_value (scope, "who", "مرحبا 👩‍👩‍👧");
  out = herald_render (source, -1, scope, HERALD_OUTPUT_HTML, HERALD_RENDER_NONE, &issues, NULL);
  g_assert_cmpstr (out, ==, "Grüße 👋🏽 שלום\n  ÄÖÜ مرحبا 👩‍👩‍👧 🎉 ");
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->kind, ==, HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE);
  g_assert_cmpstr (issue->name, ==, "nobody");
  g_assert_cmpuint (issue->line, ==, 2);
  /* Columns count characters: "  ÄÖÜ {{ who }} 🎉 " is 18 of them. */
  g_assert_cmpuint (issue->column, ==, 19);
  g_assert_cmpuint (issue->offset, ==, strstr (source, "{{ nobody") - source);
  g_assert_cmpuint (issue->length, ==, strlen ("{{ nobody }}"));
}

static void
test_unknown (void)
{
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autofree char *out = NULL;
  g_autofree char *kept = NULL;
  const char *source = "Hi {{ first_name }},\n\n<p>{{ frist_name }} {{ city | upper }}</p>";
  HeraldRenderIssue *issue;

  out = herald_render (source, -1, scope, HERALD_OUTPUT_HTML, HERALD_RENDER_NONE, &issues, NULL);
  g_assert_cmpstr (out, ==, "Hi ,\n\n<p> </p>");
  g_assert_cmpuint (issues->len, ==, 3);

  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->kind, ==, HERALD_RENDER_ISSUE_MISSING_VALUE);
  g_assert_cmpstr (issue->name, ==, "first_name");
  g_assert_cmpuint (issue->line, ==, 1);
  g_assert_cmpuint (issue->column, ==, 4);
  g_assert_cmpuint (issue->offset, ==, 3);

  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpint (issue->kind, ==, HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE);
  g_assert_cmpstr (issue->name, ==, "frist_name");
  g_assert_cmpuint (issue->line, ==, 3);
  g_assert_cmpuint (issue->column, ==, 4);
  g_assert_cmpuint (issue->offset, ==, 25);
  g_assert_nonnull (strstr (issue->message, "frist_name"));
  g_assert_nonnull (strstr (issue->message, "3"));

  issue = g_ptr_array_index (issues, 2);
  g_assert_cmpstr (issue->name, ==, "city");
  g_assert_cmpuint (issue->column, ==, 21);

  {
    g_autoptr(HeraldRenderIssue) copy = herald_render_issue_copy (issue);

    g_assert_cmpstr (copy->message, ==, issue->message);
    g_assert_cmpuint (copy->offset, ==, issue->offset);
  }

  kept = herald_render (source, -1, scope, HERALD_OUTPUT_HTML, HERALD_RENDER_KEEP_UNKNOWN, &more, NULL);
  g_assert_cmpstr (kept, ==, "Hi ,\n\n<p>{{ frist_name }} {{ city | upper }}</p>");
  g_assert_cmpuint (more->len, ==, 3);
}

typedef struct
{
  const char *source;
  HeraldRenderError code;
  guint line;
  guint column;
} MalformedCase;

static void
test_malformed (void)
{
  static const MalformedCase cases[] = {
    { "Hi {{ name", HERALD_RENDER_ERROR_UNTERMINATED_TAG, 1, 4 },
    { "Hi {{ name }", HERALD_RENDER_ERROR_SYNTAX, 1, 12 },
    { "Hi {{", HERALD_RENDER_ERROR_UNTERMINATED_TAG, 1, 4 },
    { "a\nb {{}}", HERALD_RENDER_ERROR_EMPTY_TAG, 2, 3 },
    { "{{   }}", HERALD_RENDER_ERROR_EMPTY_TAG, 1, 1 },
    { "{{ | default: }}", HERALD_RENDER_ERROR_SYNTAX, 1, 4 },
    { "{{ name | default: }}", HERALD_RENDER_ERROR_FILTER_ARGUMENT, 1, 20 },
    { "{{ name | default }}", HERALD_RENDER_ERROR_FILTER_ARGUMENT, 1, 19 },
    { "{{ name | default: \"abc }}", HERALD_RENDER_ERROR_UNTERMINATED_STRING, 1, 20 },
    { "{{ name | default: \"abc\n\" }}", HERALD_RENDER_ERROR_UNTERMINATED_STRING, 1, 20 },
    { "{{ name | default: 'a\\q' }}", HERALD_RENDER_ERROR_INVALID_ESCAPE, 1, 22 },
    { "{{ name | default: \"a\\", HERALD_RENDER_ERROR_UNTERMINATED_STRING, 1, 20 },
    { "{{ name | shout }}", HERALD_RENDER_ERROR_UNKNOWN_FILTER, 1, 11 },
    { "{{ name | upper: \"x\" }}", HERALD_RENDER_ERROR_FILTER_ARGUMENT, 1, 16 },
    { "{{ name | }}", HERALD_RENDER_ERROR_SYNTAX, 1, 11 },
    { "{{ name |", HERALD_RENDER_ERROR_UNTERMINATED_TAG, 1, 1 },
    { "{{ name | default:", HERALD_RENDER_ERROR_UNTERMINATED_TAG, 1, 1 },
    { "{{ first name }}", HERALD_RENDER_ERROR_SYNTAX, 1, 10 },
    { "{{ first-name }}", HERALD_RENDER_ERROR_SYNTAX, 1, 9 },
    { "{{ contact. }}", HERALD_RENDER_ERROR_SYNTAX, 1, 4 },
    { "{{ a..b }}", HERALD_RENDER_ERROR_SYNTAX, 1, 4 },
    { "{{ 1abc }}", HERALD_RENDER_ERROR_SYNTAX, 1, 4 },
    { "{{{ name }}}", HERALD_RENDER_ERROR_SYNTAX, 1, 3 },
    { "ü {{ näme }}", HERALD_RENDER_ERROR_SYNTAX, 1, 7 },
    { "{{ \"x\" \"y\" }}", HERALD_RENDER_ERROR_SYNTAX, 1, 8 },
    { "{{ name }} {{ name\n\nmore text", HERALD_RENDER_ERROR_SYNTAX, 3, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) issues = NULL;
      g_autofree char *out = NULL;
      g_autofree char *position = NULL;
      g_auto(GStrv) names = NULL;
      const char *source = cases[i].source;
      HeraldRenderIssue *issue;

      g_test_message ("case %u: %s", i, source);
      out = herald_render (source, -1, scope, HERALD_OUTPUT_HTML, HERALD_RENDER_NONE, NULL, &error);
      g_assert_null (out);
      g_assert_error (error, HERALD_RENDER_ERROR, (gint) cases[i].code);
      g_test_message ("  %s", error->message);
      position = g_strdup_printf ("%u", cases[i].line);
      g_assert_nonnull (strstr (error->message, position));

      /* The lenient check reports the same place and goes on. */
      issues = herald_template_check_syntax (source, -1);
      g_assert_cmpuint (issues->len, >=, 1);
      issue = g_ptr_array_index (issues, 0);
      g_assert_cmpint (issue->kind, ==, HERALD_RENDER_ISSUE_SYNTAX);
      g_assert_cmpstr (issue->message, ==, error->message);
      g_assert_cmpuint (issue->line, ==, cases[i].line);
      g_assert_cmpuint (issue->column, ==, cases[i].column);

      names = herald_template_dup_variables (source, -1);
      g_assert_nonnull (names);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(HeraldParsedTemplate) parsed = NULL;
  const char source[] = "ok\nab\xff {{ name }}";
  const char with_nul[] = "a\0b {{ name }}";

  parsed = herald_parsed_template_new (source, -1, &error);
  g_assert_null (parsed);
  g_assert_error (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  parsed = herald_parsed_template_new (with_nul, sizeof with_nul - 1, &error);
  g_assert_null (parsed);
  g_assert_error (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_INVALID_UTF8);

  issues = herald_template_check_syntax (source, -1);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpuint (((HeraldRenderIssue *) issues->pdata[0])->line, ==, 2);
  g_assert_cmpuint (((HeraldRenderIssue *) issues->pdata[0])->column, ==, 3);
  g_assert_cmpuint (((HeraldRenderIssue *) issues->pdata[0])->offset, ==, 5);
}

static void
test_check_syntax (void)
{
  const char *source = "{{ a }} {{ | x }} {{ b | nope }} {{ c }} {{ d";
  g_autoptr(GPtrArray) issues = herald_template_check_syntax (source, -1);
  g_auto(GStrv) names = herald_template_dup_variables (source, -1);
  g_autoptr(GPtrArray) none = herald_template_check_syntax ("{{ a }} *|FNAME|*", -1);
  const char * const expected[] = { "a", "c", NULL };

  g_assert_cmpuint (issues->len, ==, 3);
  g_assert_cmpuint (((HeraldRenderIssue *) issues->pdata[0])->column, ==, 12);
  g_assert_cmpuint (((HeraldRenderIssue *) issues->pdata[1])->column, ==, 26);
  g_assert_cmpuint (((HeraldRenderIssue *) issues->pdata[2])->column, ==, 42);
  g_assert_true (g_strv_equal ((const char * const *) names, expected));
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_untouched (void)
{
  static const char * const sources[] = {
    "*|FNAME|* *|IF:ARCHIVE_PAGE|* *|END:IF|* *|MC:SUBJECT|*",
    "{% if x %}{% endif %} {# comment #}",
    "body { color: red; } a{b:c} { { } } {}",
    "${name} #{name} {name} {{",
    "}} }}} {",
    "<style>@media only screen { .a { width: 100% } }</style>",
    "\t\r\n\xc3\xa4",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      if (g_str_has_suffix (sources[i], "{{"))
        {
          /* A lone “{{” at the end is an unclosed tag, not text. */
          out = herald_render (sources[i], -1, scope, HERALD_OUTPUT_HTML, 0, NULL, &error);
          g_assert_error (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_UNTERMINATED_TAG);
          continue;
        }
      out = herald_render (sources[i], -1, scope, HERALD_OUTPUT_HTML, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, sources[i]);
    }
}

static void
test_variables (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldParsedTemplate) parsed =
    herald_parsed_template_new ("{{ b }} {{ a | upper }} {{ \"lit\" }} {{ b }} {{ c.d }}", -1, &error);
  g_auto(GStrv) names = NULL;
  const char * const expected[] = { "b", "a", "c.d", NULL };

  g_assert_no_error (error);
  names = herald_parsed_template_dup_variables (parsed);
  g_assert_true (g_strv_equal ((const char * const *) names, expected));
  g_assert_true (herald_parsed_template_ref (parsed) == parsed);
  herald_parsed_template_unref (parsed);

  g_assert_true (g_strv_contains (herald_render_standard_variables (), "unsubscribe_url"));
  g_assert_true (g_strv_contains (herald_render_standard_variables (), "first_name"));
}

static char *
make_big_template (gsize size)
{
  GString *str = g_string_sized_new (size + 256);
  guint n = 0;

  while (str->len < size)
    {
      g_string_append_printf (str,
                              "<tr><td class=\"c%u\" style=\"padding: 4px\">Hallo {{ first_name | default: \"Kunde\" }}, "
                              "Ihr Angebot in {{ city }} *|MC:SUBJECT|* für {{ email }} – Grüße 👋</td></tr>\n",
                              n++ % 97);
    }
  return g_string_free (str, FALSE);
}

static double
time_render (HeraldRenderScope *scope,
             const char        *source,
             char             **out)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;

  *out = herald_render (source, -1, scope, HERALD_OUTPUT_HTML, HERALD_RENDER_NONE, NULL, &error);
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
test_large (void)
{
  g_autoptr(HeraldRenderScope) scope = make_scope ();
  g_autofree char *small = make_big_template (100 * 1024);
  g_autofree char *big = make_big_template (1024 * 1024);
  double best_small = G_MAXDOUBLE, best_big = G_MAXDOUBLE;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(HeraldParsedTemplate) parsed = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *out_small = NULL;
      g_autofree char *out_big = NULL;
      double small_ms = time_render (scope, small, &out_small);
      double big_ms = time_render (scope, big, &out_big);

      best_small = MIN (best_small, small_ms);
      best_big = MIN (best_big, big_ms);
      g_assert_nonnull (strstr (out_big, "Hallo Jürgen, Ihr Angebot in München *|MC:SUBJECT|* für juergen@example.org"));
      g_assert_null (strstr (out_big, "{{"));
      if (expected == NULL)
        expected = g_steal_pointer (&out_big);
      else
        g_assert_cmpstr (out_big, ==, expected);
    }
  /* Timings are figures, not assertions (a loaded machine must not fail
   * the test): the budget of 10 ms for 100 KB is checked in
   * docs/templates.md. */
  g_test_message ("parse and render: 100 KB in %.2f ms, 1 MB in %.2f ms", best_small, best_big);

  /* A 1 MB line without newlines, full of unknown tags: positions are
   * computed incrementally, not from the start of the line each time. */
  {
    GString *line = g_string_new (NULL);
    g_autofree char *flat = NULL;
    gint64 start;
    HeraldRenderIssue *last;

    while (line->len < 1024 * 1024)
      g_string_append (line, "<b>{{ x }}</b>");
    flat = g_string_free (line, FALSE);
    start = g_get_monotonic_time ();
    parsed = herald_parsed_template_new (flat, -1, NULL);
    g_free (herald_parsed_template_render (parsed, scope, HERALD_OUTPUT_HTML, 0, &issues));
    g_test_message ("1 MB single line with %u unknown tags: %.2f ms", issues->len,
                    (g_get_monotonic_time () - start) / 1000.0);
    last = g_ptr_array_index (issues, issues->len - 1);
    g_assert_cmpuint (last->line, ==, 1);
    g_assert_cmpuint (last->column, ==, last->offset + 1);
  }
}

static GPtrArray *
list_corpus (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char * const dirs[] = { "leemunroe", "mailchimp-blueprints" };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "email-corpus", dirs[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".html"))
          g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
    }
  g_assert_cmpuint (files->len, >=, 9);
  return files;
}

static void
test_corpus (void)
{
  g_autoptr(GPtrArray) files = list_corpus ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *with_tags = NULL;
      g_autofree char *out = NULL;
      g_autofree char *again = NULL;
      g_autofree char *personal = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldRenderScope) scope = make_scope ();
      g_autoptr(GPtrArray) syntax = NULL;
      gsize length;
      const char *body;

      g_assert_true (g_file_get_contents (files->pdata[i], &contents, &length, &error));
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", (char *) files->pdata[i], length);

      /* No Herald tags: the output is the input, byte for byte. */
      out = herald_render (contents, length, scope, HERALD_OUTPUT_HTML, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (out, strlen (out), contents, length);
      syntax = herald_template_check_syntax (contents, length);
      g_assert_cmpuint (syntax->len, ==, 0);

      /* With a greeting put in, only that changes, and twice the same. */
      body = strstr (contents, "<body");
      g_assert_nonnull (body);
      with_tags = g_strdup_printf ("%.*s{{ first_name | default: \"Kunde\" }} & {{ city }}%s",
                                   (int) (body - contents), contents, body);
      personal = herald_render (with_tags, -1, scope, HERALD_OUTPUT_HTML, 0, NULL, &error);
      g_assert_no_error (error);
      again = herald_render (with_tags, -1, scope, HERALD_OUTPUT_HTML, 0, NULL, &error);
      g_assert_cmpstr (personal, ==, again);
      g_assert_nonnull (strstr (personal, "Jürgen & München<body"));
      g_assert_cmpuint (strlen (personal), ==, length + strlen ("Jürgen & München"));
    }
}

static void
test_mapped (void)
{
  g_autoptr(HeraldRenderScope) scope = make_scope ();
  g_autoptr(HeraldParsedTemplate) parsed = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *out = NULL;
  g_autofree char *plain = NULL;
  /*                    0    5   9          20   25   30                 */
  const char *source = "Grüß {{ city }}{{ nope }}! {{ plan }} {{ \"é\" }}";
  const HeraldRenderSpan *span;
  const char *p;

  parsed = herald_parsed_template_new (source, -1, NULL);
  out = herald_parsed_template_render_mapped (parsed, scope, HERALD_OUTPUT_HTML,
                                              HERALD_RENDER_NONE, &issues, &spans);
  plain = herald_parsed_template_render (parsed, scope, HERALD_OUTPUT_HTML, HERALD_RENDER_NONE, NULL);
  g_assert_cmpstr (out, ==, "Grüß München! Pro &lt;gold&gt; é");
  g_assert_cmpstr (out, ==, plain);
  g_assert_cmpuint (issues->len, ==, 1);

  /* Text, tag, tag (unknown: empty), text, tag, text, tag. */
  g_assert_cmpuint (spans->len, ==, 7);
  for (guint i = 0; i < spans->len; i++)
    {
      span = &g_array_index (spans, HeraldRenderSpan, i);
      g_assert_cmpint (span->tag, ==, i == 1 || i == 2 || i == 4 || i == 6);
      if (!span->tag)
        g_assert_cmpmem (source + span->source_offset, span->source_length,
                         out + span->output_offset, span->output_length);
      else
        g_assert_true (g_str_has_prefix (source + span->source_offset, "{{"));
      if (i > 0)
        {
          const HeraldRenderSpan *prev = &g_array_index (spans, HeraldRenderSpan, i - 1);

          g_assert_cmpuint (span->source_offset, ==, prev->source_offset + prev->source_length);
          g_assert_cmpuint (span->output_offset, ==, prev->output_offset + prev->output_length);
        }
    }
  g_assert_cmpuint (g_array_index (spans, HeraldRenderSpan, 2).output_length, ==, 0);

  /* The ü of the text maps to itself; the ü of München to the tag. */
  span = herald_render_spans_find (spans, strstr (out, "ü") - out);
  g_assert_false (span->tag);
  g_assert_cmpuint (span->source_offset + (strstr (out, "ü") - out - span->output_offset), ==,
                    strstr (source, "ü") - source);
  p = strstr (out, "München") + 1;
  span = herald_render_spans_find (spans, p - out);
  g_assert_true (span->tag);
  g_assert_cmpmem (source + span->source_offset, span->source_length, "{{ city }}", 10);
  /* The escaped value and a literal are tags too. */
  span = herald_render_spans_find (spans, strstr (out, "&lt;") - out);
  g_assert_cmpmem (source + span->source_offset, span->source_length, "{{ plan }}", 10);
  span = herald_render_spans_find (spans, strlen (out) - 1);
  g_assert_true (span->tag);
  g_assert_null (herald_render_spans_find (spans, strlen (out)));
}

static void
test_types (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (HERALD_TYPE_OUTPUT_KIND);
  g_autoptr(GFlagsClass) flags = g_type_class_ref (HERALD_TYPE_RENDER_FLAGS);
  g_autoptr(HeraldRenderScope) scope = herald_render_scope_new ();
  GValue value = G_VALUE_INIT;

  g_assert_cmpint (g_enum_get_value_by_nick (kinds, "html")->value, ==, HERALD_OUTPUT_HTML);
  g_assert_cmpint (g_enum_get_value_by_nick (kinds, "sms")->value, ==, HERALD_OUTPUT_SMS);
  g_assert_cmpuint (g_flags_get_value_by_nick (flags, "keep-unknown")->value, ==, HERALD_RENDER_KEEP_UNKNOWN);

  /* Boxed types, so that a scope can travel in a GValue or a property. */
  g_value_init (&value, HERALD_TYPE_RENDER_SCOPE);
  g_value_set_boxed (&value, scope);
  g_assert_true (g_value_get_boxed (&value) == scope);
  g_value_unset (&value);
  g_assert_true (G_TYPE_IS_BOXED (HERALD_TYPE_PARSED_TEMPLATE));
  g_assert_true (G_TYPE_IS_BOXED (HERALD_TYPE_RENDER_ISSUE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/renderer/basic", test_basic);
  g_test_add_func ("/herald/renderer/escaping", test_escaping);
  g_test_add_func ("/herald/renderer/fallbacks", test_fallbacks);
  g_test_add_func ("/herald/renderer/attributes", test_attributes);
  g_test_add_func ("/herald/renderer/filters", test_filters);
  g_test_add_func ("/herald/renderer/unicode", test_unicode);
  g_test_add_func ("/herald/renderer/unknown", test_unknown);
  g_test_add_func ("/herald/renderer/malformed", test_malformed);
  g_test_add_func ("/herald/renderer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/herald/renderer/check-syntax", test_check_syntax);
  g_test_add_func ("/herald/renderer/untouched", test_untouched);
  g_test_add_func ("/herald/renderer/variables", test_variables);
  g_test_add_func ("/herald/renderer/mapped", test_mapped);
  g_test_add_func ("/herald/renderer/large", test_large);
  g_test_add_func ("/herald/renderer/corpus", test_corpus);
  g_test_add_func ("/herald/renderer/types", test_types);

  return g_test_run ();
}
