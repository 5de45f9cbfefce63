/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lint.c: template lint rules, each triggered and not triggered. */

#include "config.h"

#include <string.h>

#include "herald-lint.h"
#include "herald-renderer.h"
#include "herald-sms.h"

#define OK_HTML(body) \
  "<!DOCTYPE html><html><head><title>t</title></head><body>" body \
  "<p><a href=\"{{ unsubscribe_url }}\">Abmelden</a></p></body></html>"

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      HeraldLintFinding *f = findings->pdata[i];

      g_test_message ("  [%d] %s part %d %u:%u %s", f->severity, f->code, f->part,
                      f->line, f->column, f->message);
    }
}

static GPtrArray *
lint_html (const char *html)
{
  GPtrArray *findings = herald_lint_email ("Hallo", NULL, html, NULL, NULL);

  dump (findings);
  return findings;
}

static void
test_clean (void)
{
  const char * const known[] = { "city", NULL };
  g_autoptr(GPtrArray) findings =
    herald_lint_email ("Hallo {{ first_name | default: \"Kunde\" }}", "Neu in {{ city }}",
                       OK_HTML ("<p>Hi {{ name }}</p><a href=\"https://example.org/?a=1&amp;b=2\">x</a>"
                                "<a href=\"mailto:a@example.org\">m</a><a href=\"tel:+49301234\">t</a>"
                                "<a href=\"#top\">top</a><img src=\"https://example.org/a.png\" alt=\"\">"),
                       "Hallo {{ first_name }}", known);

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_subject_and_body (void)
{
  g_autoptr(GPtrArray) missing = herald_lint_email ("  ", NULL, NULL, "", NULL);
  g_autoptr(GPtrArray) present = herald_lint_email ("Hi", NULL, NULL, "Abmelden: {{ unsubscribe_url }}", NULL);
  const HeraldLintFinding *f;

  dump (missing);
  f = herald_lint_first (missing, HERALD_LINT_MISSING_SUBJECT);
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, HERALD_LINT_ERROR);
  g_assert_cmpint (f->part, ==, HERALD_LINT_PART_SUBJECT);
  g_assert_cmpuint (herald_lint_count (missing, HERALD_LINT_MISSING_BODY), ==, 1);
  /* Without a body there is nothing to unsubscribe from either. */
  g_assert_cmpuint (herald_lint_count (missing, HERALD_LINT_MISSING_UNSUBSCRIBE), ==, 0);

  dump (present);
  g_assert_cmpuint (present->len, ==, 0);

  {
    g_autoptr(HeraldLintFinding) copy = herald_lint_finding_copy (f);

    g_assert_cmpstr (copy->code, ==, f->code);
    g_assert_cmpstr (copy->message, ==, f->message);
  }
}

static void
test_unsubscribe (void)
{
  static const char * const with[] = {
    OK_HTML (""),
    "<p><a href=\"https://example.org/unsubscribe?id=1\">hier</a></p>",
    "<p><a href=\"https://example.org/x\">Newsletter <b>abbestellen</b></a></p>",
    "<p><a href=\"https://example.org/x\">UNSUBSCRIBE</a></p>",
    "<p><a href=\"https://example.org/u?x={{ unsubscribe_url }}\">x</a></p>",
    "<p><a href=\"{{unsubscribe_url}}\">click</a></p>",
  };
  static const char * const without[] = {
    "<p>Abmelden können Sie sich jederzeit.</p><a href=\"https://example.org/\">Start</a>",
    "<p><a href=\"https://example.org/subscribe\">Subscribe</a></p>",
    "<p>{{ unsubscribe_url }}</p>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (with); i++)
    {
      g_autoptr(GPtrArray) findings = lint_html (with[i]);

      g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_MISSING_UNSUBSCRIBE), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (without); i++)
    {
      g_autoptr(GPtrArray) findings = lint_html (without[i]);
      const HeraldLintFinding *f = herald_lint_first (findings, HERALD_LINT_MISSING_UNSUBSCRIBE);

      g_assert_nonnull (f);
      g_assert_cmpint (f->severity, ==, HERALD_LINT_ERROR);
      g_assert_cmpint (f->part, ==, HERALD_LINT_PART_HTML);
    }

  /* A text-only mail: the text is searched. */
  {
    g_autoptr(GPtrArray) bad = herald_lint_email ("S", NULL, NULL, "Hallo", NULL);
    g_autoptr(GPtrArray) good = herald_lint_email ("S", NULL, "", "Abbestellen: https://example.org/x", NULL);

    g_assert_cmpuint (herald_lint_count (bad, HERALD_LINT_MISSING_UNSUBSCRIBE), ==, 1);
    g_assert_cmpint (herald_lint_first (bad, HERALD_LINT_MISSING_UNSUBSCRIBE)->part, ==, HERALD_LINT_PART_TEXT);
    g_assert_cmpuint (herald_lint_count (good, HERALD_LINT_MISSING_UNSUBSCRIBE), ==, 0);
  }
}

static void
test_links (void)
{
  g_autoptr(GPtrArray) findings = lint_html (OK_HTML (
    "<a href=\"javascript:alert(1)\">a</a>\n"
    "<a href=\"  JavaScript:void(0)\">b</a>\n"
    "<a href=\"java&#x09;script:x\">c</a>\n"
    "<a href=\"file:///etc/passwd\">d</a>\n"
    "<a href=\"data:text/html,hi\">e</a>\n"
    "<a href=\"*|ARCHIVE|*\">f</a>\n"
    "<a href=\"ftp://example.org/\">g</a>\n"
    "<a href=\"\">h</a>\n"
    "<a href=\"/relative/path\">i</a>\n"
    "<a href=\"http://example.org/\">j</a>\n"
    "<a href=\"https://example.org/{{ id }}\">k</a>\n"
    "<a name=\"anchor\">l</a>\n"
    "<map><area href=\"vbscript:x\"></map>\n"));
  const HeraldLintFinding *f;
  guint lines[] = { 1, 2, 3, 4, 5 };
  guint i = 0;

  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_DANGEROUS_LINK), ==, 6);
  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_LINK_NOT_HTTP), ==, 4);
  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_INSECURE_LINK), ==, 1);
  for (guint j = 0; j < findings->len; j++)
    {
      f = findings->pdata[j];
      if (!g_str_equal (f->code, HERALD_LINT_DANGEROUS_LINK) || i >= G_N_ELEMENTS (lines))
        continue;
      g_assert_cmpint (f->severity, ==, HERALD_LINT_ERROR);
      g_assert_cmpuint (f->line, ==, lines[i++]);
    }
  f = herald_lint_first (findings, HERALD_LINT_LINK_NOT_HTTP);
  g_assert_cmpint (f->severity, ==, HERALD_LINT_WARNING);
  g_assert_nonnull (strstr (f->message, "*|ARCHIVE|*"));
  f = herald_lint_first (findings, HERALD_LINT_INSECURE_LINK);
  g_assert_cmpint (f->severity, ==, HERALD_LINT_INFO);
  g_assert_cmpuint (f->line, ==, 10);
  /* The tab of “java&#x09;script:” is shown as a space. */
  g_assert_null (strchr (((HeraldLintFinding *) findings->pdata[3])->message, '\t'));
  /* {{ id }} is not known, and that is said too. */
  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_UNKNOWN_VARIABLE), ==, 1);
}

static void
test_images (void)
{
  g_autoptr(GPtrArray) bad = lint_html (OK_HTML ("<p>\n<img src=\"https://example.org/logo.png\">\n<IMG SRC=x ALT=\"Logo\"></p>"));
  g_autoptr(GPtrArray) good = lint_html (OK_HTML ("<img src=\"a.png\" alt=\"\"><img src=\"b.png\" alt=\"B\">"));
  const HeraldLintFinding *f = herald_lint_first (bad, HERALD_LINT_IMAGE_WITHOUT_ALT);

  g_assert_cmpuint (herald_lint_count (bad, HERALD_LINT_IMAGE_WITHOUT_ALT), ==, 1);
  g_assert_cmpuint (f->line, ==, 2);
  g_assert_cmpint (f->severity, ==, HERALD_LINT_WARNING);
  g_assert_nonnull (strstr (f->message, "logo.png"));
  g_assert_cmpuint (herald_lint_count (good, HERALD_LINT_IMAGE_WITHOUT_ALT), ==, 0);
}

static void
test_malformed_html (void)
{
  g_autoptr(GPtrArray) bad = lint_html (OK_HTML ("<table><tr><td>x</span></td></tr></table>\n<p>a</b>\n<div <p>"));
  g_autoptr(GPtrArray) good = lint_html (OK_HTML ("<table><tr><td>x</td></tr></table><section>html5</section>"));
  const HeraldLintFinding *f = herald_lint_first (bad, HERALD_LINT_HTML_PARSE);

  g_assert_nonnull (f);
  g_assert_cmpuint (f->line, ==, 1);
  g_assert_cmpuint (f->column, >, 0);
  g_assert_cmpint (f->part, ==, HERALD_LINT_PART_HTML);
  g_assert_cmpuint (herald_lint_count (bad, HERALD_LINT_HTML_PARSE), >=, 2);
  g_assert_cmpuint (herald_lint_count (good, HERALD_LINT_HTML_PARSE), ==, 0);

  /* Floods are summarised. */
  {
    GString *str = g_string_new ("<p>");
    g_autofree char *html = NULL;
    g_autoptr(GPtrArray) many = NULL;

    for (guint i = 0; i < 200; i++)
      g_string_append (str, "</span>\n");
    html = g_string_free (str, FALSE);
    many = herald_lint_email ("s", NULL, html, NULL, NULL);
    g_assert_cmpuint (herald_lint_count (many, HERALD_LINT_HTML_PARSE), ==, 51);
  }
}

static void
test_size (void)
{
  GString *str = g_string_new ("<html><body><p>");
  g_autofree char *big = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) small = lint_html (OK_HTML ("<p>small</p>"));

  while (str->len < HERALD_LINT_GMAIL_CLIP_BYTES)
    g_string_append (str, "Lorem ipsum dolor sit amet. ");
  g_string_append (str, "</p><a href=\"{{ unsubscribe_url }}\">x</a></body></html>");
  big = g_string_free (str, FALSE);
  findings = herald_lint_email ("s", NULL, big, NULL, NULL);
  dump (findings);
  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_HTML_TOO_LARGE), ==, 1);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpuint (herald_lint_count (small, HERALD_LINT_HTML_TOO_LARGE), ==, 0);
}

static void
test_variables (void)
{
  const char * const known[] = { "city", "plan", NULL };
  g_autoptr(GPtrArray) findings =
    herald_lint_email ("Hi {{ frist_name }}", "{{ city }} {{ plan }}",
                       OK_HTML ("\n<p>{{ first_name }} {{ zip | default: \"0\" }}</p>"),
                       "{{ name }}\n{{ | x }}", known);
  const HeraldLintFinding *f;
  guint unknown_html = 0;

  dump (findings);
  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_UNKNOWN_VARIABLE), ==, 2);
  f = herald_lint_first (findings, HERALD_LINT_UNKNOWN_VARIABLE);
  g_assert_cmpint (f->part, ==, HERALD_LINT_PART_SUBJECT);
  g_assert_cmpuint (f->line, ==, 1);
  g_assert_cmpuint (f->column, ==, 4);
  g_assert_nonnull (strstr (f->message, "frist_name"));
  for (guint i = 0; i < findings->len; i++)
    {
      HeraldLintFinding *x = findings->pdata[i];

      if (g_str_equal (x->code, HERALD_LINT_UNKNOWN_VARIABLE) && x->part == HERALD_LINT_PART_HTML)
        {
          unknown_html++;
          g_assert_cmpuint (x->line, ==, 2);
          g_assert_cmpuint (x->column, ==, 21);
        }
    }
  g_assert_cmpuint (unknown_html, ==, 1);

  f = herald_lint_first (findings, HERALD_LINT_SYNTAX);
  g_assert_nonnull (f);
  g_assert_cmpint (f->part, ==, HERALD_LINT_PART_TEXT);
  g_assert_cmpint (f->severity, ==, HERALD_LINT_ERROR);
  g_assert_cmpuint (f->line, ==, 2);
  g_assert_cmpuint (f->column, ==, 4);
}

/* What the editor underlines: the same problems as the findings. */
static void
test_tag_problems (void)
{
  const char * const known[] = { "city", NULL };
  const char *source = "{{ city }} {{ town }} {{ | x }} {{ name }}\n{{ zip | default: \"0\" }}";
  g_autoptr(GPtrArray) problems = herald_lint_find_tag_problems (source, known);
  g_autoptr(GPtrArray) findings = herald_lint_sms (source, known);
  g_autoptr(GPtrArray) none = herald_lint_find_tag_problems (NULL, known);
  HeraldRenderIssue *issue;

  g_assert_cmpuint (none->len, ==, 0);
  /* town, the malformed tag, zip; in the order of the source. */
  g_assert_cmpuint (problems->len, ==, 3);
  issue = problems->pdata[0];
  g_assert_cmpint (issue->kind, ==, HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE);
  g_assert_cmpstr (issue->name, ==, "town");
  g_assert_cmpuint (issue->offset, ==, 11);
  g_assert_cmpuint (issue->length, ==, 10);
  issue = problems->pdata[1];
  g_assert_cmpint (issue->kind, ==, HERALD_RENDER_ISSUE_SYNTAX);
  g_assert_cmpuint (issue->column, ==, 26);
  issue = problems->pdata[2];
  g_assert_cmpstr (issue->name, ==, "zip");
  g_assert_cmpuint (issue->line, ==, 2);

  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_UNKNOWN_VARIABLE), ==, 2);
  g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_SYNTAX), ==, 1);
}

static void
test_sms (void)
{
  g_autoptr(GPtrArray) empty = herald_lint_sms ("", NULL);
  g_autoptr(GPtrArray) fine = herald_lint_sms ("Hallo {{ first_name }}, 10% Rabatt!", NULL);
  g_autoptr(GPtrArray) bad = NULL;
  GString *str = g_string_new ("{{ coupon }} ");

  g_assert_cmpuint (herald_lint_count (empty, HERALD_LINT_MISSING_BODY), ==, 1);
  g_assert_cmpuint (fine->len, ==, 0);
  for (guint i = 0; i < 20; i++)
    g_string_append (str, "Grüße 👋 ");
  bad = herald_lint_sms (str->str, NULL);
  g_string_free (str, TRUE);
  dump (bad);
  g_assert_cmpuint (herald_lint_count (bad, HERALD_LINT_UNKNOWN_VARIABLE), ==, 1);
  g_assert_cmpuint (herald_lint_count (bad, HERALD_LINT_SMS_SEGMENTS), ==, 1);
  g_assert_nonnull (strstr (herald_lint_first (bad, HERALD_LINT_SMS_SEGMENTS)->message, "UCS-2"));
}

static void
test_push (void)
{
  g_autoptr(GPtrArray) fine = herald_lint_push ("Sale", "Nur heute, {{ first_name }}!", NULL);
  g_autoptr(GPtrArray) empty = herald_lint_push ("Sale", " ", NULL);
  g_autofree char *long_title = g_strnfill (HERALD_PUSH_TITLE_MAX + 1, 'x');
  g_autofree char *long_body = g_strnfill (HERALD_PUSH_BODY_MAX + 1, 'y');
  g_autofree char *max_title = g_strnfill (HERALD_PUSH_TITLE_MAX, 'x');
  g_autoptr(GPtrArray) too_long = herald_lint_push (long_title, long_body, NULL);
  g_autoptr(GPtrArray) at_limit = herald_lint_push (max_title, "b", NULL);

  g_assert_cmpuint (fine->len, ==, 0);
  g_assert_cmpuint (herald_lint_count (empty, HERALD_LINT_MISSING_BODY), ==, 1);
  g_assert_cmpuint (herald_lint_count (too_long, HERALD_LINT_PUSH_TOO_LONG), ==, 2);
  g_assert_cmpint (herald_lint_first (too_long, HERALD_LINT_PUSH_TOO_LONG)->part, ==, HERALD_LINT_PART_TITLE);
  g_assert_cmpuint (at_limit->len, ==, 0);
}

static void
test_corpus (void)
{
  const char * const dirs[] = { "leemunroe", "mailchimp-blueprints" };
  guint n_files = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "email-corpus", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *html = NULL;
          g_autoptr(GPtrArray) findings = NULL;
          g_autoptr(GPtrArray) again = NULL;

          if (!g_str_has_suffix (name, ".html"))
            continue;
          n_files++;
          g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
          g_test_message ("%s", name);
          findings = herald_lint_email ("Newsletter", NULL, html, NULL, NULL);
          dump (findings);
          again = herald_lint_email ("Newsletter", NULL, html, NULL, NULL);

          /* Stable: the same findings in the same order. */
          g_assert_cmpuint (findings->len, ==, again->len);
          for (guint i = 0; i < findings->len; i++)
            g_assert_cmpstr (((HeraldLintFinding *) findings->pdata[i])->message, ==,
                             ((HeraldLintFinding *) again->pdata[i])->message);

          /* Sensible: an unsubscribe link is found where there is one
           * (modular-template-patterns.html has none), none is larger than
           * Gmail's limit or has script links. */
          {
            g_autofree char *folded = g_ascii_strdown (html, -1);

            g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_MISSING_UNSUBSCRIBE), ==,
                              strstr (folded, "unsubscribe") != NULL ? 0 : 1);
          }
          g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_HTML_TOO_LARGE), ==, 0);
          g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_DANGEROUS_LINK), ==, 0);
          g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_SYNTAX), ==, 0);
          g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_UNKNOWN_VARIABLE), ==, 0);
          /* Mailchimp's merge tags are not web addresses. */
          if (strstr (html, "href=\"*|") != NULL)
            g_assert_cmpuint (herald_lint_count (findings, HERALD_LINT_LINK_NOT_HTTP), >, 0);
        }
    }
  g_assert_cmpuint (n_files, >=, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/lint/clean", test_clean);
  g_test_add_func ("/herald/lint/subject-and-body", test_subject_and_body);
  g_test_add_func ("/herald/lint/unsubscribe", test_unsubscribe);
  g_test_add_func ("/herald/lint/links", test_links);
  g_test_add_func ("/herald/lint/images", test_images);
  g_test_add_func ("/herald/lint/malformed-html", test_malformed_html);
  g_test_add_func ("/herald/lint/size", test_size);
  g_test_add_func ("/herald/lint/variables", test_variables);
  g_test_add_func ("/herald/lint/tag-problems", test_tag_problems);
  g_test_add_func ("/herald/lint/sms", test_sms);
  g_test_add_func ("/herald/lint/push", test_push);
  g_test_add_func ("/herald/lint/corpus", test_corpus);

  return g_test_run ();
}
