/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-html-text.c: a readable plain-text version of an HTML mail.
 *
 * libxml2's HTML parser builds the tree, which is walked without recursion
 * (hostile input nests deeply).  Block elements request line breaks that
 * are only written before the next word, so that empty layout cells and
 * runs of <br> do not pile up blank lines; whitespace collapses as a
 * browser would collapse it.
 */

#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>

#include "herald-html-text.h"

typedef struct
{
  gboolean ordered;
  guint counter;
} ListLevel;

typedef struct
{
  gsize text_start;
  char *href;
} LinkLevel;

typedef struct
{
  GString *out;
  guint pending_newlines;
  gboolean pending_space;
  char *pending_prefix;
  guint pre_depth;
  GArray *lists;
  GArray *links;
} Writer;

/* Subtrees that are not content. */
static const char * const skipped_elements[] = {
  "head", "title", "script", "style", "noscript", "template", "iframe",
  "object", "embed", "svg", "math", "select", "button", NULL
};

/* Elements that are paragraphs of their own: a blank line around. */
static const char * const paragraph_elements[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol",
  "dl", "figure", "address", "table", NULL
};

/* Elements that start and end on a line of their own. */
static const char * const line_elements[] = {
  "div", "tr", "center", "section", "article", "header", "footer", "main",
  "nav", "aside", "form", "fieldset", "dt", "dd", "caption", "figcaption",
  "tbody", "thead", "tfoot", "body", "html", "li", NULL
};

/* libxml2 2.9 must be initialised once before threads use it. */
static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  /* libxml2 2.9 lets some invalid UTF-8 through. */
  copy = g_utf8_make_valid ((const char *) value, -1);
  xmlFree (value);
  return copy;
}

/* Preheaders and other tricks are hidden with inline CSS. */
static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *style = get_attribute (node, "style");
  g_autofree char *compact = NULL;
  GString *str;

  if (style == NULL)
    return FALSE;
  str = g_string_new (NULL);
  for (const char *p = style; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (str, g_ascii_tolower (*p));
  compact = g_string_free (str, FALSE);
  return strstr (compact, "display:none") != NULL;
}

static void
request_newlines (Writer *w,
                  guint   n)
{
  w->pending_newlines = MAX (w->pending_newlines, n);
  w->pending_space = FALSE;
}

static gboolean
at_line_start (Writer *w)
{
  return w->out->len == 0 || w->out->str[w->out->len - 1] == '\n';
}

/* Writes what block structure asked for before the next content. */
static void
flush_pending (Writer *w)
{
  if (w->pending_newlines > 0 && w->out->len > 0)
    {
      guint have = 0;

      for (gsize i = w->out->len; i > 0 && w->out->str[i - 1] == '\n' && have < 2; i--)
        have++;
      for (; have < w->pending_newlines; have++)
        g_string_append_c (w->out, '\n');
    }
  w->pending_newlines = 0;

  if (w->pending_prefix != NULL)
    {
      if (!at_line_start (w))
        g_string_append_c (w->out, '\n');
      g_string_append (w->out, w->pending_prefix);
      g_clear_pointer (&w->pending_prefix, g_free);
      w->pending_space = FALSE;
    }
  else if (w->pending_space && !at_line_start (w))
    {
      g_string_append_c (w->out, ' ');
    }
  w->pending_space = FALSE;
}

static gboolean
is_collapsible (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f'
         || ch == 0x00A0 || ch == 0x2007 || ch == 0x202F;
}

/* Invisible characters that mail designers use as padding. */
static gboolean
is_invisible (gunichar ch)
{
  return ch == 0x00AD || ch == 0x034F || ch == 0x200B || ch == 0x200C
         || ch == 0x2060 || ch == 0xFEFF;
}

static void
write_text (Writer     *w,
            const char *text)
{
  const char *p = text;

  if (w->pre_depth > 0)
    {
      if (*text == '\0')
        return;
      flush_pending (w);
      g_string_append (w->out, text);
      return;
    }

  while (*p)
    {
      gunichar ch = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (is_collapsible (ch))
        {
          if (w->pending_newlines == 0 && !at_line_start (w))
            w->pending_space = TRUE;
        }
      else if (!is_invisible (ch))
        {
          if (w->pending_newlines > 0 || w->pending_space || w->pending_prefix != NULL)
            flush_pending (w);
          g_string_append_len (w->out, p, next - p);
        }
      p = next;
    }
}

static gboolean
link_shows_url (const char *href)
{
  const char *scheme;

  if (href[0] == '\0' || href[0] == '#')
    return FALSE;
  if (g_str_has_prefix (href, "{{"))
    return TRUE;
  scheme = g_uri_peek_scheme (href);
  if (scheme == NULL)
    return TRUE;
  return !(g_str_equal (scheme, "javascript") || g_str_equal (scheme, "vbscript")
           || g_str_equal (scheme, "data"));
}

static void
end_link (Writer    *w,
          LinkLevel *link)
{
  g_autofree char *href = g_strstrip (link->href);
  g_autofree char *text = NULL;
  const char *shown = href;

  link->href = NULL;
  if (!link_shows_url (href))
    return;
  if (g_str_has_prefix (href, "mailto:"))
    shown = href + strlen ("mailto:");

  text = g_strstrip (g_strndup (w->out->str + link->text_start,
                                w->out->len - MIN (link->text_start, w->out->len)));
  if (text[0] == '\0')
    {
      w->pending_space = TRUE;
      flush_pending (w);
      g_string_append (w->out, shown);
      w->pending_space = TRUE;
    }
  else if (!g_str_equal (text, href) && !g_str_equal (text, shown))
    {
      g_string_append (w->out, " (");
      g_string_append (w->out, shown);
      g_string_append_c (w->out, ')');
    }
}

/* Returns whether the children of @node are to be visited. */
static gboolean
enter_node (Writer  *w,
            xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        {
          const char *content = (const char *) node->content;

          if (g_utf8_validate (content, -1, NULL))
            write_text (w, content);
          else
            {
              g_autofree char *valid = g_utf8_make_valid (content, -1);

              write_text (w, valid);
            }
        }
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  if (is_one_of (node, skipped_elements) || is_hidden (node))
    return FALSE;

  if (name_is (node, "br"))
    {
      gsize len;

      w->pending_space = FALSE;
      flush_pending (w);
      /* At most one blank line, however many <br> there are. */
      len = w->out->len;
      if (len > 0 && !(len >= 2 && w->out->str[len - 1] == '\n' && w->out->str[len - 2] == '\n'))
        g_string_append_c (w->out, '\n');
      return FALSE;
    }
  if (name_is (node, "hr"))
    {
      request_newlines (w, 2);
      flush_pending (w);
      g_string_append (w->out, "----------------------------------------");
      request_newlines (w, 2);
      return FALSE;
    }
  if (name_is (node, "img"))
    {
      g_autofree char *alt = get_attribute (node, "alt");

      if (alt != NULL)
        {
          w->pending_space = w->pending_space || !at_line_start (w);
          write_text (w, alt);
        }
      return FALSE;
    }
  if (name_is (node, "td") || name_is (node, "th"))
    {
      if (!at_line_start (w))
        w->pending_space = TRUE;
      return TRUE;
    }

  if (is_one_of (node, paragraph_elements))
    {
      /* A list inside a list item is part of it, not a paragraph. */
      if ((name_is (node, "ul") || name_is (node, "ol")) && w->lists->len > 0)
        request_newlines (w, 1);
      else
        request_newlines (w, 2);
    }
  else if (is_one_of (node, line_elements))
    request_newlines (w, 1);

  if (name_is (node, "pre"))
    w->pre_depth++;
  else if (name_is (node, "ul") || name_is (node, "ol"))
    {
      ListLevel level = { name_is (node, "ol"), 0 };

      g_array_append_val (w->lists, level);
    }
  else if (name_is (node, "li"))
    {
      GString *prefix = g_string_new (NULL);
      ListLevel *level = w->lists->len > 0
        ? &g_array_index (w->lists, ListLevel, w->lists->len - 1) : NULL;

      for (guint i = 1; i < w->lists->len; i++)
        g_string_append (prefix, "  ");
      if (level != NULL && level->ordered)
        g_string_append_printf (prefix, "%u. ", ++level->counter);
      else
        g_string_append (prefix, "- ");
      g_free (w->pending_prefix);
      w->pending_prefix = g_string_free (prefix, FALSE);
    }
  else if (name_is (node, "a"))
    {
      LinkLevel link = { 0, get_attribute (node, "href") };

      /* The link text must not begin with a list marker or line break. */
      if (w->pending_newlines > 0 || w->pending_prefix != NULL)
        flush_pending (w);
      link.text_start = w->out->len;
      g_array_append_val (w->links, link);
    }
  return TRUE;
}

static void
leave_node (Writer  *w,
            xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return;

  if (name_is (node, "a") && w->links->len > 0)
    {
      LinkLevel *link = &g_array_index (w->links, LinkLevel, w->links->len - 1);

      if (link->href != NULL)
        end_link (w, link);
      g_array_set_size (w->links, w->links->len - 1);
    }
  else if (name_is (node, "pre") && w->pre_depth > 0)
    w->pre_depth--;
  else if ((name_is (node, "ul") || name_is (node, "ol")) && w->lists->len > 0)
    g_array_set_size (w->lists, w->lists->len - 1);

  if (is_one_of (node, paragraph_elements))
    request_newlines (w, w->lists->len > 0 && (name_is (node, "ul") || name_is (node, "ol")) ? 1 : 2);
  else if (is_one_of (node, line_elements))
    request_newlines (w, 1);
  else if (name_is (node, "td") || name_is (node, "th"))
    w->pending_space = !at_line_start (w) && w->pending_newlines == 0;
}

static void
link_level_clear (gpointer data)
{
  LinkLevel *link = data;

  g_clear_pointer (&link->href, g_free);
}

static void
walk (Writer  *w,
      xmlDoc  *doc)
{
  xmlNode *top = (xmlNode *) doc;
  xmlNode *node = doc->children;

  while (node != NULL)
    {
      if (enter_node (w, node) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      leave_node (w, node);
      while (node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == top)
            return;
          leave_node (w, node);
        }
      node = node->next;
    }
}

/* Leading spaces and a list marker: how far continuation lines indent. */
static guint
hanging_indent (const char *line,
                gsize       length)
{
  gsize i = 0;

  while (i < length && line[i] == ' ')
    i++;
  if (i + 1 < length && line[i] == '-' && line[i + 1] == ' ')
    return (guint) i + 2;
  if (i < length && g_ascii_isdigit (line[i]))
    {
      gsize j = i;

      while (j < length && g_ascii_isdigit (line[j]))
        j++;
      if (j + 1 < length && line[j] == '.' && line[j + 1] == ' ')
        return (guint) j + 2;
    }
  return 0;
}

static void
wrap_line (GString    *out,
           const char *line,
           gsize       length,
           guint       width)
{
  guint indent = hanging_indent (line, length);
  const char *end = line + length;
  const char *p = line;
  guint column = 0;
  gboolean first = TRUE;

  if ((gsize) g_utf8_strlen (line, length) <= width)
    {
      g_string_append_len (out, line, length);
      return;
    }
  if (indent >= width / 2)
    indent = 0;

  /* Keep the indentation and marker of the first line as they are. */
  while (p < end && *p == ' ')
    {
      g_string_append_c (out, ' ');
      column++;
      p++;
    }

  while (p < end)
    {
      const char *word = p;
      guint word_width;

      while (p < end && *p != ' ')
        p = g_utf8_next_char (p);
      word_width = (guint) g_utf8_strlen (word, p - word);

      if (!first && column + 1 + word_width > width)
        {
          g_string_append_c (out, '\n');
          for (guint i = 0; i < indent; i++)
            g_string_append_c (out, ' ');
          column = indent;
        }
      else if (!first)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append_len (out, word, p - word);
      column += word_width;
      first = FALSE;
      while (p < end && *p == ' ')
        p++;
    }
}

/* Drops trailing blanks of lines and keeps at most one empty line in a
 * row, also inside <pre>, where the text comes through unchanged. */
static char *
tidy_lines (const char *text,
            gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  GString *out = g_string_sized_new (length + 1);
  const char *p = valid;
  guint empty = 0;

  for (;;)
    {
      const char *nl = strchr (p, '\n');
      gsize line = nl != NULL ? (gsize) (nl - p) : strlen (p);

      while (line > 0 && (p[line - 1] == ' ' || p[line - 1] == '\t' || p[line - 1] == '\r'))
        line--;
      if (line == 0)
        empty++;
      else
        empty = 0;
      if (empty <= 1 && !(line == 0 && out->len == 0))
        {
          g_string_append_len (out, p, line);
          if (nl != NULL)
            g_string_append_c (out, '\n');
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return g_string_free (out, FALSE);
}

/**
 * herald_text_wrap:
 * @text: UTF-8 text
 * @width: the maximum line width in characters
 *
 * Wraps the lines of @text at spaces.  Words longer than @width (such as
 * URLs) stay whole on a line of their own; list items keep a hanging
 * indent.
 *
 * Returns: (transfer full): the wrapped text.
 */
char *
herald_text_wrap (const char *text,
                  guint       width)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  p = text;
  for (;;)
    {
      const char *nl = strchr (p, '\n');
      gsize length = nl != NULL ? (gsize) (nl - p) : strlen (p);

      wrap_line (out, p, length, width);
      if (nl == NULL)
        break;
      g_string_append_c (out, '\n');
      p = nl + 1;
    }
  return g_string_free (out, FALSE);
}

/**
 * herald_html_to_text:
 * @html: an HTML document or fragment, UTF-8
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @flags: whether to wrap lines
 *
 * Makes the plain-text part of a mail from its HTML: paragraphs and other
 * blocks become lines separated by blank lines, list items start with
 * `- ` (or `1. `), links become `text (url)` (only the URL when the text
 * is the URL, nothing for `#` anchors and script links), images give their
 * alt text; head, scripts, styles and elements hidden with `display:none`
 * are dropped and whitespace collapses.  Template tags such as
 * `{{ first_name }}` are text and survive, in link targets too.
 *
 * Returns: (transfer full): the text, ending with a newline unless empty.
 */
char *
herald_html_to_text (const char          *html,
                     gssize               length,
                     HeraldHtmlTextFlags  flags)
{
  Writer w = { 0, };
  htmlDocPtr doc;
  g_autofree char *result = NULL;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (html == NULL)
    html = "";
  if (length < 0)
    length = strlen (html);

  w.out = g_string_sized_new (length / 3 + 16);
  w.lists = g_array_new (FALSE, FALSE, sizeof (ListLevel));
  w.links = g_array_new (FALSE, FALSE, sizeof (LinkLevel));
  g_array_set_clear_func (w.links, link_level_clear);

  ensure_libxml ();
  doc = htmlReadMemory (html, (int) MIN ((gsize) length, G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                        | HTML_PARSE_COMPACT);
  if (doc != NULL)
    {
      walk (&w, doc);
      xmlFreeDoc (doc);
    }

  g_array_unref (w.lists);
  g_array_unref (w.links);
  g_free (w.pending_prefix);

  /* libxml2 replaces invalid input, but be sure before handing it out. */
  result = tidy_lines (w.out->str, w.out->len);
  g_string_free (w.out, TRUE);
  g_strchomp (result);
  if (result[0] == '\0')
    return g_strdup ("");
  if ((flags & HERALD_HTML_TEXT_WRAP) != 0)
    {
      g_autofree char *wrapped = herald_text_wrap (result, HERALD_HTML_TEXT_WIDTH);

      return g_strconcat (wrapped, "\n", NULL);
    }
  return g_strconcat (result, "\n", NULL);
}
