/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-html-text.c: the plain-text version of HTML mails. */

#include "config.h"

#include <string.h>

#include "herald-html-text.h"

static void
assert_text (const char *html,
             const char *expected)
{
  g_autofree char *text = herald_html_to_text (html, -1, HERALD_HTML_TEXT_NONE);

  g_test_message ("%s\n=>\n%s", html, text);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_blocks (void)
{
  assert_text ("", "");
  assert_text ("<html><head><title>T</title><style>p{color:red}</style></head><body></body></html>", "");
  assert_text ("<p>Hallo   Welt,\n  wie geht's?</p><p>Zweiter</p>",
               "Hallo Welt, wie geht's?\n\nZweiter\n");
  assert_text ("<h1>Titel</h1><div>eins</div><div>zwei</div><p>drei<br>vier<br><br>fünf</p>",
               "Titel\n\neins\nzwei\n\ndrei\nvier\n\nfünf\n");
  assert_text ("<p>a</p><p></p><div></div><p>b</p>", "a\n\nb\n");
  assert_text ("<br><br>a<br><br><br><br>b<br>", "a\n\nb\n");
  assert_text ("<p>a</p><hr><p>b</p>", "a\n\n----------------------------------------\n\nb\n");
  assert_text ("<pre>  x = 1;\n  y = 2;</pre><p>after</p>", "  x = 1;\n  y = 2;\n\nafter\n");
  assert_text ("plain <b>bold</b> and <i>it</i>alic", "plain bold and italic\n");
  assert_text ("<table><tr><td>Name</td><td>Wert</td></tr><tr><td>a</td><td>1</td></tr></table>",
               "Name Wert\na 1\n");
}

static void
test_dropped (void)
{
  assert_text ("<script>alert('x')</script><p>visible</p><noscript>no</noscript>"
               "<style>.a{}</style>", "visible\n");
  assert_text ("<div style=\"display: none; max-height:0\">Preheader hidden</div><p>Body</p>",
               "Body\n");
  /* Padding tricks of preheaders disappear, non-breaking spaces collapse. */
  assert_text ("<p>Hi&nbsp;&nbsp;there&zwnj;&#847;&shy;!</p>", "Hi there!\n");
  assert_text ("<!-- comment --><p>x</p>", "x\n");
}

static void
test_lists (void)
{
  assert_text ("<p>Intro</p><ul><li>eins</li><li>zwei <b>fett</b></li></ul><p>Ende</p>",
               "Intro\n\n- eins\n- zwei fett\n\nEnde\n");
  assert_text ("<ol><li>a</li><li>b<ul><li>b1</li></ul></li><li>c</li></ol>",
               "1. a\n2. b\n  - b1\n3. c\n");
  assert_text ("<ul><li><a href=\"https://example.org/\">Link</a></li></ul>",
               "- Link (https://example.org/)\n");
}

static void
test_links (void)
{
  assert_text ("<p>Besuchen Sie <a href=\"https://example.org/shop\">unseren Shop</a>.</p>",
               "Besuchen Sie unseren Shop (https://example.org/shop).\n");
  assert_text ("<a href=\"https://example.org/\">https://example.org/</a>", "https://example.org/\n");
  assert_text ("<a href=\"mailto:info@example.org\">info@example.org</a>", "info@example.org\n");
  assert_text ("<a href=\"mailto:info@example.org\">Schreiben Sie uns</a>",
               "Schreiben Sie uns (info@example.org)\n");
  assert_text ("<a href=\"#top\">nach oben</a>", "nach oben\n");
  assert_text ("<a href=\"javascript:x()\">klick</a>", "klick\n");
  assert_text ("<a href=\"https://example.org/\"><img src=\"logo.png\" alt=\"Logo\"></a>",
               "Logo (https://example.org/)\n");
  assert_text ("<p>x <a href=\"https://example.org/\"><img src=\"logo.png\"></a> y</p>",
               "x https://example.org/ y\n");
  assert_text ("<p><a href=\"{{ unsubscribe_url }}\">Abmelden</a></p>",
               "Abmelden ({{ unsubscribe_url }})\n");
  assert_text ("<a>no href</a>", "no href\n");
}

static void
test_images_and_unicode (void)
{
  assert_text ("<p>Vorher <img src=\"a.png\" alt=\"Ein Bild\"> nachher <img src=\"b.png\"></p>",
               "Vorher Ein Bild nachher\n");
  assert_text ("<p>Grüße, {{ first_name | default: \"Kundin\" }} 👋 — שלום</p>",
               "Grüße, {{ first_name | default: \"Kundin\" }} 👋 — שלום\n");
  assert_text ("<p>&lt;tag&gt; &amp; &quot;q&quot; &euro;</p>", "<tag> & \"q\" €\n");
}

static void
test_wrap (void)
{
  g_autofree char *text = NULL;
  g_autofree char *wrapped = NULL;
  g_auto(GStrv) lines = NULL;
  const char *html =
    "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud.</p>"
    "<ul><li>Ein sehr langer Listenpunkt mit vielen Wörtern, der über das Ende der Zeile "
    "hinausgeht und umbrochen werden muss.</li></ul>"
    "<p>https://example.org/a/very/long/url/that/is/longer/than/the/line/width/of/seventy/eight/characters</p>";

  text = herald_html_to_text (html, -1, HERALD_HTML_TEXT_WRAP);
  g_test_message ("%s", text);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "https://") == NULL)
        g_assert_cmpuint (g_utf8_strlen (lines[i], -1), <=, HERALD_HTML_TEXT_WIDTH);
      g_assert_false (g_str_has_suffix (lines[i], " "));
    }
  g_assert_true (g_str_has_prefix (lines[0], "Lorem ipsum"));
  g_assert_cmpstr (lines[1], ==, "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis");
  g_assert_true (g_str_has_prefix (lines[4], "- Ein sehr langer"));
  g_assert_true (g_str_has_prefix (lines[5], "  "));
  g_assert_nonnull (strstr (text, "https://example.org/a/very/long/url/that/is/longer/than/the/line/width/of/seventy/eight/characters\n"));

  wrapped = herald_text_wrap ("short\n\naaa bbb ccc", 7);
  g_assert_cmpstr (wrapped, ==, "short\n\naaa bbb\nccc");
}

static void
test_malformed (void)
{
  static const char * const inputs[] = {
    "<p>unclosed <b>bold <i>both",
    "</p></div></a>",
    "<a href=\"https://x\"><a href=\"https://y\">nested</a></a>",
    "<ul><li>a<li>b</ul></li></li>",
    "<<<>>> < p >",
    "\xff\xfe broken \xc3",
    "<table><td>cell<tr>row</table>",
    "<p>a\0b</p>",
    /* Found by fuzz-html-text: libxml2 passed the invalid byte \xf5 through. */
    "<html><body><p>Hi <a href=\"{{ un3ubscribe_url }}\">x</a>\xf5<ul><li>a<ol><li>b</ol></ul>"
    "<img src=x><br><br><pre> a\n b</pre><tablje><ml>",
    "<p><a href=\"\xf5\xff\">\xf5</a><img alt=\"\xc3\"></p>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *text = herald_html_to_text (inputs[i], -1, HERALD_HTML_TEXT_WRAP);

      g_assert_nonnull (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_null (strstr (text, "\n\n\n"));
    }
  /* Blank lines and trailing blanks inside <pre> are tidied too. */
  assert_text ("<pre>a  \n\n\n\n   \nb</pre>", "a\n\nb\n");

  /* Deep nesting does not exhaust the stack.  libxml2 stops at a depth
   * of 256 without XML_PARSE_HUGE, which no real mail reaches. */
  for (guint depth = 100; depth <= 20000; depth *= 200)
    {
      GString *deep = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < depth; i++)
        g_string_append (deep, "<div><span>");
      g_string_append (deep, "tief");
      text = herald_html_to_text (deep->str, deep->len, HERALD_HTML_TEXT_NONE);
      g_string_free (deep, TRUE);
      g_assert_nonnull (text);
      if (depth == 100)
        g_assert_cmpstr (text, ==, "tief\n");
    }
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
          g_autofree char *text = NULL;
          g_autofree char *again = NULL;
          g_autofree char *wrapped = NULL;

          if (!g_str_has_suffix (name, ".html"))
            continue;
          n_files++;
          g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
          text = herald_html_to_text (html, -1, HERALD_HTML_TEXT_NONE);
          again = herald_html_to_text (html, -1, HERALD_HTML_TEXT_NONE);
          wrapped = herald_html_to_text (html, -1, HERALD_HTML_TEXT_WRAP);
          g_test_message ("%s: %" G_GSIZE_FORMAT " bytes of text\n%.400s", name, strlen (text), wrapped);

          g_assert_cmpstr (text, ==, again);
          g_assert_cmpuint (strlen (text), >, 100);
          /* No markup, no CSS, no runs of blank lines, no trailing spaces. */
          g_assert_null (strstr (text, "<td"));
          g_assert_null (strstr (text, "{"));
          g_assert_null (strstr (text, "\n\n\n"));
          g_assert_null (strstr (text, " \n"));
          /* Merge tags of other tools are text and stay. */
          if (strstr (html, "*|LIST:COMPANY|*") != NULL)
            g_assert_nonnull (strstr (text, "*|LIST:COMPANY|*"));
          /* Links written out as text (url), here the unsubscribe link. */
          if (strstr (html, "href=\"*|UNSUB|*\"") != NULL)
            g_assert_nonnull (strstr (text, "unsubscribe from this list (*|UNSUB|*)"));
        }
    }
  g_assert_cmpuint (n_files, >=, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/html-text/blocks", test_blocks);
  g_test_add_func ("/herald/html-text/dropped", test_dropped);
  g_test_add_func ("/herald/html-text/lists", test_lists);
  g_test_add_func ("/herald/html-text/links", test_links);
  g_test_add_func ("/herald/html-text/images-and-unicode", test_images_and_unicode);
  g_test_add_func ("/herald/html-text/wrap", test_wrap);
  g_test_add_func ("/herald/html-text/malformed", test_malformed);
  g_test_add_func ("/herald/html-text/corpus", test_corpus);

  return g_test_run ();
}
