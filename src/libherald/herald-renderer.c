/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-renderer.c: {{ variable }} templates for e-mail, SMS and push.
 *
 * The syntax is deliberately tiny (see docs/templates.md): only `{{ … }}`
 * tags are looked at, everything else is copied byte for byte, so that the
 * HTML of a mail, other tools' merge tags and CSS braces survive.  A source
 * is split once into text and tag segments (HeraldParsedTemplate) and then
 * rendered for each contact with a HeraldRenderScope.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "herald-renderer.h"

typedef enum
{
  FILTER_DEFAULT,
  FILTER_UPPER,
  FILTER_LOWER,
  FILTER_CAPITALIZE,
} FilterKind;

typedef struct
{
  FilterKind kind;
  char *arg;
} Filter;

typedef struct
{
  gboolean is_tag;
  gsize offset;
  gsize length;
  /* Tags only: either a variable name or a string literal. */
  char *name;
  char *literal;
  Filter *filters;
  guint n_filters;
  guint line;
  guint column;
} Segment;

struct _HeraldParsedTemplate
{
  gatomicrefcount ref_count;
  char *source;
  gsize length;
  GArray *segments;
};

/* Where a value came from, weakest first. */
typedef enum
{
  PRIO_DEFAULT,
  PRIO_ATTRIBUTE,
  PRIO_CONTACT,
  PRIO_VALUE,
  N_PRIOS,
  PRIO_BUILTIN = N_PRIOS,
} Priority;

typedef struct
{
  char *values[N_PRIOS];
  guint known_mask;
} Entry;

struct _HeraldRenderScope
{
  gatomicrefcount ref_count;
  GHashTable *entries;
};

typedef struct
{
  const char *src;
  gsize pos;
  guint line;
  guint column;
} Cursor;

typedef enum
{
  TAG_VALUE,
  TAG_FALLBACK,
  TAG_MISSING,
  TAG_UNKNOWN,
} TagStatus;

#define MAX_ATTRIBUTE_DEPTH 8

static const char * const standard_variables[] = {
  "name",
  "first_name",
  "last_name",
  "email",
  "phone",
  "unsubscribe_url",
  NULL
};

G_DEFINE_QUARK (herald-render-error-quark, herald_render_error)

G_DEFINE_BOXED_TYPE (HeraldRenderIssue, herald_render_issue,
                     herald_render_issue_copy, herald_render_issue_free)
G_DEFINE_BOXED_TYPE (HeraldRenderScope, herald_render_scope,
                     herald_render_scope_ref, herald_render_scope_unref)
G_DEFINE_BOXED_TYPE (HeraldParsedTemplate, herald_parsed_template,
                     herald_parsed_template_ref, herald_parsed_template_unref)

/* Helpers */

static void
cursor_init (Cursor     *c,
             const char *src)
{
  c->src = src;
  c->pos = 0;
  c->line = 1;
  c->column = 1;
}

/* Positions only grow while parsing, so the cursor walks each byte once. */
static void
cursor_advance (Cursor *c,
                gsize   to)
{
  g_assert (to >= c->pos);

  for (;;)
    {
      const char *nl = memchr (c->src + c->pos, '\n', to - c->pos);

      if (nl == NULL)
        break;
      c->line++;
      c->column = 1;
      c->pos = (gsize) (nl - c->src) + 1;
    }
  for (; c->pos < to; c->pos++)
    if (((guchar) c->src[c->pos] & 0xC0) != 0x80)
      c->column++;
}

static void
cursor_position_of (const Cursor *c,
                    gsize         offset,
                    guint        *line,
                    guint        *column)
{
  Cursor copy = *c;

  cursor_advance (&copy, offset);
  *line = copy.line;
  *column = copy.column;
}

static void
segment_clear (gpointer data)
{
  Segment *seg = data;

  g_free (seg->name);
  g_free (seg->literal);
  for (guint i = 0; i < seg->n_filters; i++)
    g_free (seg->filters[i].arg);
  g_free (seg->filters);
}

static HeraldRenderIssue *
issue_new (HeraldRenderIssueKind  kind,
           const char            *name,
           char                  *message,
           guint                  line,
           guint                  column,
           gsize                  offset,
           gsize                  length)
{
  HeraldRenderIssue *issue = g_new0 (HeraldRenderIssue, 1);

  issue->kind = kind;
  issue->name = g_strdup (name);
  issue->message = message;
  issue->line = line;
  issue->column = column;
  issue->offset = offset;
  issue->length = length;
  return issue;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
is_ident_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static inline gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* A short, printable description of the character at @p for messages. */
static char *
describe_char_at (const char *src,
                  gsize       len,
                  gsize       p)
{
  gunichar ch;

  if (p >= len)
    return g_strdup ("");
  ch = g_utf8_get_char_validated (src + p, len - p);
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    return g_strdup_printf ("\\x%02X", (guchar) src[p]);
  if (g_unichar_iscntrl (ch) || !g_unichar_isprint (ch))
    return g_strdup_printf ("U+%04X", ch);
  return g_ucs4_to_utf8 (&ch, 1, NULL, NULL, NULL);
}

typedef struct
{
  const char *src;
  gsize len;
  const Cursor *cursor;
  /* Filled in on failure. */
  gsize error_offset;
} TagParser;

static gboolean G_GNUC_PRINTF (5, 6)
tag_fail (TagParser         *tp,
          GError           **error,
          HeraldRenderError  code,
          gsize              offset,
          const char *format,
          ...)
{
  g_autofree char *detail = NULL;
  guint line, column;
  va_list args;

  tp->error_offset = offset;
  cursor_position_of (tp->cursor, offset, &line, &column);
  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: the position of a problem in a template, followed by
   * a sentence that describes it */
  g_set_error (error, HERALD_RENDER_ERROR, code, _("Line %u, column %u: %s"),
               line, column, detail);
  return FALSE;
}

static gsize
skip_spaces (const char *src,
             gsize       len,
             gsize       p)
{
  while (p < len && is_space (src[p]))
    p++;
  return p;
}

static gboolean
at_close (const char *src,
          gsize       len,
          gsize       p)
{
  return p + 1 < len && src[p] == '}' && src[p + 1] == '}';
}

static gboolean
parse_string (TagParser  *tp,
              gsize      *p,
              char      **out,
              GError    **error)
{
  const char *src = tp->src;
  gsize start = *p;
  char quote = src[start];
  g_autoptr(GString) str = g_string_new (NULL);
  gsize i = start + 1;

  for (;;)
    {
      if (i >= tp->len || src[i] == '\n' || src[i] == '\r')
        {
          tag_fail (tp, error, HERALD_RENDER_ERROR_UNTERMINATED_STRING, start, "%s",
                    _("The quoted text is not closed on the same line."));
          return FALSE;
        }
      if (src[i] == quote)
        break;
      if (src[i] == '\\')
        {
          char next = i + 1 < tp->len ? src[i + 1] : '\0';

          switch (next)
            {
            case '\\': g_string_append_c (str, '\\'); break;
            case '"': g_string_append_c (str, '"'); break;
            case '\'': g_string_append_c (str, '\''); break;
            case 'n': g_string_append_c (str, '\n'); break;
            case 't': g_string_append_c (str, '\t'); break;
            case '\0':
            case '\n':
            case '\r':
              tag_fail (tp, error, HERALD_RENDER_ERROR_UNTERMINATED_STRING, start, "%s",
                        _("The quoted text is not closed on the same line."));
              return FALSE;
            default:
              {
                g_autofree char *what = describe_char_at (src, tp->len, i + 1);

                tag_fail (tp, error, HERALD_RENDER_ERROR_INVALID_ESCAPE, i,
                          _("Unknown escape “\\%s” in quoted text; use \\\" \\' \\\\ \\n or \\t."),
                          what);
                return FALSE;
              }
            }
          i += 2;
          continue;
        }
      g_string_append_c (str, src[i]);
      i++;
    }

  *p = i + 1;
  *out = g_string_free (g_steal_pointer (&str), FALSE);
  return TRUE;
}

static gboolean
fail_unterminated (TagParser  *tp,
                   gsize       tag_start,
                   GError    **error)
{
  tag_fail (tp, error, HERALD_RENDER_ERROR_UNTERMINATED_TAG, tag_start, "%s", _("“{{” is not closed by “}}”."));
  return FALSE;
}

static gboolean
valid_name (const char *name)
{
  /* Segments separated by single dots, each an identifier. */
  gboolean segment_start = TRUE;

  for (const char *p = name; *p; p++)
    {
      if (*p == '.')
        {
          if (segment_start)
            return FALSE;
          segment_start = TRUE;
        }
      else if (segment_start)
        {
          if (!is_ident_start (*p))
            return FALSE;
          segment_start = FALSE;
        }
    }
  return !segment_start;
}

/* Parses the tag whose “{{” is at @start into @seg.  On success *@end is
 * the offset after its “}}”. */
static gboolean
parse_tag (TagParser  *tp,
           gsize       start,
           Segment    *seg,
           gsize      *end,
           GError    **error)
{
  const char *src = tp->src;
  gsize len = tp->len;
  gsize p = skip_spaces (src, len, start + 2);
  g_autoptr(GArray) filters = NULL;

  if (p >= len)
    return fail_unterminated (tp, start, error);
  if (at_close (src, len, p))
    {
      tag_fail (tp, error, HERALD_RENDER_ERROR_EMPTY_TAG, start, "%s", _("The tag “{{ }}” is empty."));
      return FALSE;
    }

  if (src[p] == '"' || src[p] == '\'')
    {
      if (!parse_string (tp, &p, &seg->literal, error))
        return FALSE;
    }
  else if (is_ident_start (src[p]))
    {
      gsize name_start = p;

      while (p < len && (is_ident_char (src[p]) || src[p] == '.'))
        p++;
      seg->name = g_strndup (src + name_start, p - name_start);
      if (!valid_name (seg->name))
        {
          tag_fail (tp, error, HERALD_RENDER_ERROR_SYNTAX, name_start,
                    _("“%s” is not a valid variable name."), seg->name);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *what = describe_char_at (src, len, p);

      tag_fail (tp, error, HERALD_RENDER_ERROR_SYNTAX, p,
                _("Expected a variable name after “{{”, found “%s”."), what);
      return FALSE;
    }

  filters = g_array_new (FALSE, TRUE, sizeof (Filter));

  for (;;)
    {
      Filter filter = { 0, };
      gsize name_start;
      g_autofree char *filter_name = NULL;

      p = skip_spaces (src, len, p);
      if (p >= len)
        goto unterminated;
      if (at_close (src, len, p))
        {
          *end = p + 2;
          break;
        }
      if (src[p] != '|')
        {
          g_autofree char *what = describe_char_at (src, len, p);

          tag_fail (tp, error, HERALD_RENDER_ERROR_SYNTAX, p,
                    _("Expected “}}” or “|” after the variable, found “%s”."),
                    what);
          goto failed;
        }

      p = skip_spaces (src, len, p + 1);
      if (p >= len)
        goto unterminated;
      if (!is_ident_start (src[p]))
        {
          g_autofree char *what = describe_char_at (src, len, p);

          tag_fail (tp, error, HERALD_RENDER_ERROR_SYNTAX, p,
                    _("Expected a filter name after “|”, found “%s”."), what);
          goto failed;
        }
      name_start = p;
      while (p < len && is_ident_char (src[p]))
        p++;
      filter_name = g_strndup (src + name_start, p - name_start);

      if (g_str_equal (filter_name, "default"))
        filter.kind = FILTER_DEFAULT;
      else if (g_str_equal (filter_name, "upper"))
        filter.kind = FILTER_UPPER;
      else if (g_str_equal (filter_name, "lower"))
        filter.kind = FILTER_LOWER;
      else if (g_str_equal (filter_name, "capitalize"))
        filter.kind = FILTER_CAPITALIZE;
      else
        {
          tag_fail (tp, error, HERALD_RENDER_ERROR_UNKNOWN_FILTER, name_start,
                    _("Unknown filter “%s”; the filters are default, upper, lower and capitalize."),
                    filter_name);
          goto failed;
        }

      p = skip_spaces (src, len, p);
      if (p >= len)
        goto unterminated;
      if (src[p] == ':')
        {
          if (filter.kind != FILTER_DEFAULT)
            {
              tag_fail (tp, error, HERALD_RENDER_ERROR_FILTER_ARGUMENT, p,
                        _("The filter “%s” takes no argument."), filter_name);
              goto failed;
            }
          p = skip_spaces (src, len, p + 1);
          if (p >= len)
            goto unterminated;
          if (src[p] != '"' && src[p] != '\'')
            {
              tag_fail (tp, error, HERALD_RENDER_ERROR_FILTER_ARGUMENT, p, "%s",
                        _("The filter “default” needs a quoted text, as in default: \"Customer\"."));
              goto failed;
            }
          if (!parse_string (tp, &p, &filter.arg, error))
            goto failed;
        }
      else if (filter.kind == FILTER_DEFAULT)
        {
          tag_fail (tp, error, HERALD_RENDER_ERROR_FILTER_ARGUMENT, p, "%s",
                    _("The filter “default” needs a quoted text, as in default: \"Customer\"."));
          goto failed;
        }
      g_array_append_val (filters, filter);
    }

  seg->n_filters = filters->len;
  if (filters->len > 0)
    seg->filters = (Filter *) (void *) g_array_free (g_steal_pointer (&filters), FALSE);
  return TRUE;

unterminated:
  fail_unterminated (tp, start, error);
failed:
  for (guint i = 0; i < filters->len; i++)
    g_free (g_array_index (filters, Filter, i).arg);
  return FALSE;
}

static void
add_syntax_issue (GPtrArray    *issues,
                  const Cursor *cursor,
                  gsize         tag_start,
                  gsize         problem,
                  const char   *message)
{
  guint line, column;

  cursor_position_of (cursor, problem, &line, &column);
  g_ptr_array_add (issues,
                   issue_new (HERALD_RENDER_ISSUE_SYNTAX, NULL, g_strdup (message),
                              line, column, problem,
                              MAX (problem, tag_start) - tag_start + 2));
}

/* With @issues == %NULL the first malformed tag is an error; otherwise
 * each one is added to @issues and left as text, and parsing goes on. */
static HeraldParsedTemplate *
parse_template (const char  *source,
                gsize        length,
                GPtrArray   *issues,
                GError     **error)
{
  g_autoptr(HeraldParsedTemplate) self = g_new0 (HeraldParsedTemplate, 1);
  const char *invalid = NULL;
  Cursor cursor;
  TagParser tp;
  gsize pos = 0;
  gsize text_start = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->source = g_malloc (length + 1);
  memcpy (self->source, source, length);
  self->source[length] = '\0';
  self->length = length;

  cursor_init (&cursor, self->source);

  if (!g_utf8_validate_len (self->source, length, &invalid))
    {
      gsize offset = (gsize) (invalid - self->source);
      guint line, column;
      g_autofree char *message = NULL;

      cursor_position_of (&cursor, offset, &line, &column);
      message = g_strdup_printf (_("Line %u, column %u: %s"), line, column,
                                 _("The template is not valid UTF-8 text."));
      if (issues == NULL)
        {
          g_set_error_literal (error, HERALD_RENDER_ERROR,
                               HERALD_RENDER_ERROR_INVALID_UTF8, message);
          return NULL;
        }
      g_ptr_array_add (issues,
                       issue_new (HERALD_RENDER_ISSUE_SYNTAX, NULL,
                                  g_steal_pointer (&message), line, column,
                                  offset, 1));
      /* Nothing else can be trusted: no segments. */
      return g_steal_pointer (&self);
    }

  tp.src = self->source;
  tp.len = length;
  tp.cursor = &cursor;

  while (pos < length)
    {
      const char *brace = memchr (self->source + pos, '{', length - pos);
      gsize start;
      Segment seg = { 0, };
      gsize end = 0;
      g_autoptr(GError) local_error = NULL;

      if (brace == NULL)
        break;
      start = (gsize) (brace - self->source);
      if (start + 1 >= length || self->source[start + 1] != '{')
        {
          pos = start + 1;
          continue;
        }

      cursor_advance (&cursor, start);
      tp.error_offset = start;
      if (!parse_tag (&tp, start, &seg, &end, &local_error))
        {
          segment_clear (&seg);
          if (issues == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          add_syntax_issue (issues, &cursor, start, tp.error_offset,
                            local_error->message);
          /* Leave the “{{” as text and look for the next tag. */
          pos = start + 2;
          continue;
        }

      if (start > text_start)
        {
          Segment text = { 0, };

          text.offset = text_start;
          text.length = start - text_start;
          g_array_append_val (self->segments, text);
        }
      seg.is_tag = TRUE;
      seg.offset = start;
      seg.length = end - start;
      seg.line = cursor.line;
      seg.column = cursor.column;
      g_array_append_val (self->segments, seg);
      pos = text_start = end;
    }

  if (length > text_start)
    {
      Segment text = { 0, };

      text.offset = text_start;
      text.length = length - text_start;
      g_array_append_val (self->segments, text);
    }

  return g_steal_pointer (&self);
}

static Entry *
scope_entry (HeraldRenderScope *scope,
             const char        *name)
{
  Entry *entry = g_hash_table_lookup (scope->entries, name);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (scope->entries, g_strdup (name), entry);
    }
  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  for (guint i = 0; i < N_PRIOS; i++)
    g_free (entry->values[i]);
  g_free (entry);
}

static void
scope_put (HeraldRenderScope *scope,
           const char        *name,
           const char        *value,
           Priority           prio)
{
  Entry *entry = scope_entry (scope, name);

  g_free (entry->values[prio]);
  /* Rendered output must stay valid UTF-8 whatever the caller passes. */
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    entry->values[prio] = g_utf8_make_valid (value, -1);
  else
    entry->values[prio] = g_strdup (value);
  entry->known_mask |= 1u << prio;
}

static void
scope_clear_priority (HeraldRenderScope *scope,
                      Priority           prio)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, scope->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      g_clear_pointer (&entry->values[prio], g_free);
      entry->known_mask &= ~(1u << prio);
      if (entry->known_mask == 0)
        g_hash_table_iter_remove (&iter);
    }
}

/* Scalars become text; objects and arrays have no text of their own. */
static char *
node_to_string (JsonNode *node)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g",
                                        json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

static void
put_attributes (HeraldRenderScope *scope,
                JsonObject        *object,
                const char        *prefix,
                guint              depth)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *name = prefix != NULL
        ? g_strconcat (prefix, ".", member, NULL)
        : g_strdup (member);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          if (depth < MAX_ATTRIBUTE_DEPTH)
            put_attributes (scope, json_node_get_object (node), name, depth + 1);
        }
      else
        {
          g_autofree char *value = node_to_string (node);

          scope_put (scope, name, value, PRIO_ATTRIBUTE);
        }
    }
}

static const char *
scope_value (HeraldRenderScope *scope,
             const char        *name,
             gboolean          *known,
             gboolean          *is_default)
{
  Entry *entry = g_hash_table_lookup (scope->entries, name);

  *known = entry != NULL;
  *is_default = FALSE;
  if (entry == NULL)
    return NULL;
  for (int prio = N_PRIOS - 1; prio >= 0; prio--)
    {
      const char *value = entry->values[prio];

      if (value != NULL && value[0] != '\0')
        {
          *is_default = prio == PRIO_DEFAULT;
          return value;
        }
    }
  return NULL;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Evaluates one tag.  Returns the value (owned by *@owned or by the scope),
 * %NULL when there is nothing to insert. */
static const char *
evaluate_tag (const Segment     *seg,
              HeraldRenderScope *scope,
              char             **owned,
              TagStatus         *status,
              gboolean          *used_fallback)
{
  const char *value;
  gboolean known = TRUE;
  gboolean fallback = FALSE;

  *owned = NULL;
  if (seg->literal != NULL)
    value = seg->literal;
  else
    value = scope_value (scope, seg->name, &known, &fallback);

  for (guint i = 0; i < seg->n_filters; i++)
    {
      const Filter *filter = &seg->filters[i];
      char *changed = NULL;

      if (filter->kind == FILTER_DEFAULT)
        {
          if (value == NULL || value[0] == '\0')
            {
              value = filter->arg;
              fallback = TRUE;
            }
          continue;
        }
      if (value == NULL || value[0] == '\0')
        continue;

      switch (filter->kind)
        {
        case FILTER_UPPER:
          changed = g_utf8_strup (value, -1);
          break;
        case FILTER_LOWER:
          changed = g_utf8_strdown (value, -1);
          break;
        case FILTER_CAPITALIZE:
          {
            gunichar first = g_unichar_totitle (g_utf8_get_char (value));
            char buf[8];
            int n = g_unichar_to_utf8 (first, buf);

            changed = g_malloc (n + strlen (g_utf8_next_char (value)) + 1);
            memcpy (changed, buf, n);
            strcpy (changed + n, g_utf8_next_char (value));
          }
          break;
        case FILTER_DEFAULT:
        default:
          g_assert_not_reached ();
        }
      g_free (*owned);
      *owned = changed;
      value = changed;
    }

  /* An unknown name is reported even when a `default:` hides it, because
   * it is most likely a typo that every recipient would get the fallback
   * for; herald_parsed_template_dup_fallbacks() still lists it. */
  if (seg->literal != NULL)
    *status = TAG_VALUE;   /* a literal is what it is, even when empty */
  else if (!known)
    *status = TAG_UNKNOWN;
  else if (value == NULL || value[0] == '\0')
    *status = TAG_MISSING;
  else if (fallback)
    *status = TAG_FALLBACK;
  else
    *status = TAG_VALUE;

  if (value != NULL && value[0] == '\0')
    value = NULL;
  *used_fallback = fallback && value != NULL && seg->literal == NULL;
  return value;
}

/* Public API */

/**
 * herald_render_issue_copy:
 * @issue: an issue
 *
 * Returns: (transfer full): a copy of @issue.
 */
HeraldRenderIssue *
herald_render_issue_copy (const HeraldRenderIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  return issue_new (issue->kind, issue->name, g_strdup (issue->message),
                    issue->line, issue->column, issue->offset, issue->length);
}

/**
 * herald_render_issue_free:
 * @issue: (nullable): an issue
 *
 * Frees @issue.
 */
void
herald_render_issue_free (HeraldRenderIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->name);
  g_free (issue->message);
  g_free (issue);
}

/**
 * herald_render_standard_variables:
 *
 * The variables every scope knows even before a contact is set: the
 * contact fields and `unsubscribe_url`, which the sender fills in.
 *
 * Returns: (transfer none): a %NULL-terminated array of names.
 */
const char * const *
herald_render_standard_variables (void)
{
  return standard_variables;
}

/**
 * herald_render_scope_new:
 *
 * Creates an empty scope that knows the standard variables (see
 * herald_render_standard_variables()) without values.
 *
 * Returns: (transfer full): a new scope.
 */
HeraldRenderScope *
herald_render_scope_new (void)
{
  HeraldRenderScope *scope = g_new0 (HeraldRenderScope, 1);

  g_atomic_ref_count_init (&scope->ref_count);
  scope->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  for (guint i = 0; standard_variables[i] != NULL; i++)
    scope_entry (scope, standard_variables[i])->known_mask |= 1u << PRIO_BUILTIN;
  return scope;
}

/**
 * herald_render_scope_ref:
 * @scope: a scope
 *
 * Returns: (transfer full): @scope, with one more reference.
 */
HeraldRenderScope *
herald_render_scope_ref (HeraldRenderScope *scope)
{
  g_return_val_if_fail (scope != NULL, NULL);

  g_atomic_ref_count_inc (&scope->ref_count);
  return scope;
}

/**
 * herald_render_scope_unref:
 * @scope: (nullable): a scope
 *
 * Drops a reference and frees @scope with the last one.
 */
void
herald_render_scope_unref (HeraldRenderScope *scope)
{
  if (scope == NULL)
    return;
  if (g_atomic_ref_count_dec (&scope->ref_count))
    {
      g_hash_table_unref (scope->entries);
      g_free (scope);
    }
}

/**
 * herald_render_scope_set_value:
 * @scope: a scope
 * @name: a variable name, such as `unsubscribe_url`
 * @value: (nullable): its value, or %NULL to forget the value
 *
 * Sets an explicit value.  Explicit values win over contact fields,
 * attributes and defaults.
 */
void
herald_render_scope_set_value (HeraldRenderScope *scope,
                               const char        *name,
                               const char        *value)
{
  g_return_if_fail (scope != NULL);
  g_return_if_fail (name != NULL);

  if (value != NULL)
    {
      scope_put (scope, name, value, PRIO_VALUE);
    }
  else
    {
      Entry *entry = g_hash_table_lookup (scope->entries, name);

      if (entry == NULL)
        return;
      g_clear_pointer (&entry->values[PRIO_VALUE], g_free);
      entry->known_mask &= ~(1u << PRIO_VALUE);
      if (entry->known_mask == 0)
        g_hash_table_remove (scope->entries, name);
    }
}

/**
 * herald_render_scope_set_values:
 * @scope: a scope
 * @values: (element-type utf8 utf8): names and values
 *
 * Calls herald_render_scope_set_value() for each pair of @values.
 */
void
herald_render_scope_set_values (HeraldRenderScope *scope,
                                GHashTable        *values)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (scope != NULL);
  g_return_if_fail (values != NULL);

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    herald_render_scope_set_value (scope, key, value);
}

/**
 * herald_render_scope_set_contact:
 * @scope: a scope
 * @name: (nullable): the contact's display name
 * @first_name: (nullable): the first name
 * @last_name: (nullable): the last name
 * @email: (nullable): the e-mail address
 * @phone: (nullable): the phone number
 * @attributes: (nullable): the contact's custom attributes
 *
 * Replaces the contact of @scope.  Each member of @attributes becomes a
 * variable of the same name; members of nested objects are reached with
 * dots (`{{ address.city }}`).  Strings, numbers and booleans are
 * values; %NULL, null and empty strings count as missing, so that
 * fallbacks apply.  An attribute never hides one of the contact fields.
 */
void
herald_render_scope_set_contact (HeraldRenderScope *scope,
                                 const char        *name,
                                 const char        *first_name,
                                 const char        *last_name,
                                 const char        *email,
                                 const char        *phone,
                                 JsonObject        *attributes)
{
  g_return_if_fail (scope != NULL);

  scope_clear_priority (scope, PRIO_CONTACT);
  scope_clear_priority (scope, PRIO_ATTRIBUTE);

  scope_put (scope, "name", name, PRIO_CONTACT);
  scope_put (scope, "first_name", first_name, PRIO_CONTACT);
  scope_put (scope, "last_name", last_name, PRIO_CONTACT);
  scope_put (scope, "email", email, PRIO_CONTACT);
  scope_put (scope, "phone", phone, PRIO_CONTACT);
  if (attributes != NULL)
    put_attributes (scope, attributes, NULL, 0);
}

static void
put_default (HeraldRenderScope *scope,
             const char        *name,
             JsonNode          *node)
{
  g_autofree char *value = NULL;

  if (name == NULL || name[0] == '\0')
    return;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      node = json_object_get_member (object, "default");
    }
  value = node_to_string (node);
  scope_put (scope, name, value, PRIO_DEFAULT);
}

/**
 * herald_render_scope_set_defaults:
 * @scope: a scope
 * @variables: (nullable): a template's `variables` JSON
 *
 * Replaces the template defaults of @scope.  Two shapes are read, see
 * docs/templates.md: an object `{"city": "Berlin"}` or
 * `{"city": {"default": "Berlin", "description": "…"}}`, and an array
 * `[{"name": "city", "default": "Berlin", "description": "…"}]`.  Every
 * variable listed is known, with or without a default; entries of other
 * shapes are skipped.
 */
void
herald_render_scope_set_defaults (HeraldRenderScope *scope,
                                  JsonNode          *variables)
{
  g_return_if_fail (scope != NULL);

  scope_clear_priority (scope, PRIO_DEFAULT);
  if (variables == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (variables))
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;

      json_object_iter_init (&iter, json_node_get_object (variables));
      while (json_object_iter_next (&iter, &member, &node))
        put_default (scope, member, node);
    }
  else if (JSON_NODE_HOLDS_ARRAY (variables))
    {
      JsonArray *array = json_node_get_array (variables);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *object;
          JsonNode *name;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          object = json_node_get_object (element);
          name = json_object_get_member (object, "name");
          if (name == NULL || !JSON_NODE_HOLDS_VALUE (name)
              || json_node_get_value_type (name) != G_TYPE_STRING)
            continue;
          put_default (scope, json_node_get_string (name), element);
        }
    }
}

/**
 * herald_render_scope_set_defaults_from_json:
 * @scope: a scope
 * @variables_json: (nullable): a template's `variables` as JSON text
 * @error: return location for an error
 *
 * Like herald_render_scope_set_defaults() for JSON text.  %NULL or an
 * empty string clears the defaults.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the text is not a
 *   JSON object or array (the defaults are then cleared).
 */
gboolean
herald_render_scope_set_defaults_from_json (HeraldRenderScope  *scope,
                                            const char         *variables_json,
                                            GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  herald_render_scope_set_defaults (scope, NULL);
  if (variables_json == NULL || variables_json[0] == '\0')
    return TRUE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, variables_json, -1, &local_error))
    {
      g_set_error (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_INVALID_JSON,
                   _("The template variables are not valid JSON: %s"),
                   local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !(JSON_NODE_HOLDS_OBJECT (root) || JSON_NODE_HOLDS_ARRAY (root)))
    {
      g_set_error_literal (error, HERALD_RENDER_ERROR, HERALD_RENDER_ERROR_INVALID_JSON,
                           _("The template variables must be a JSON object or array."));
      return FALSE;
    }
  herald_render_scope_set_defaults (scope, root);
  return TRUE;
}

/**
 * herald_render_scope_is_known:
 * @scope: a scope
 * @name: a variable name
 *
 * Returns: whether @name is a standard variable, a contact field or
 *   attribute, a template variable or an explicit value, whether or not it
 *   has a value.
 */
gboolean
herald_render_scope_is_known (HeraldRenderScope *scope,
                              const char        *name)
{
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return g_hash_table_contains (scope->entries, name);
}

/**
 * herald_render_scope_lookup:
 * @scope: a scope
 * @name: a variable name
 * @is_default: (out) (optional): set to whether the value is a template
 *   default rather than the contact's own
 *
 * Looks up the value a tag `{{ name }}` would insert, before filters.
 *
 * Returns: (nullable): the value, or %NULL when it is missing or empty.
 */
const char *
herald_render_scope_lookup (HeraldRenderScope *scope,
                            const char        *name,
                            gboolean          *is_default)
{
  gboolean known, fallback;
  const char *value;

  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  value = scope_value (scope, name, &known, &fallback);
  if (is_default != NULL)
    *is_default = fallback;
  return value;
}

/**
 * herald_render_scope_dup_names:
 * @scope: a scope
 *
 * Returns: (transfer full): the known variable names, sorted, for
 *   completion in the editor.
 */
GStrv
herald_render_scope_dup_names (HeraldRenderScope *scope)
{
  g_autofree gpointer *keys = NULL;
  guint n;
  GStrv names;

  g_return_val_if_fail (scope != NULL, NULL);

  keys = g_hash_table_get_keys_as_array (scope->entries, &n);
  names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (keys[i]);
  qsort (names, n, sizeof (char *), compare_strings);
  return names;
}

/**
 * herald_parsed_template_new:
 * @source: the template text, UTF-8
 * @length: the length of @source in bytes, or -1 if it is nul-terminated
 * @error: return location for an error
 *
 * Splits @source into text and `{{ … }}` tags.
 *
 * Returns: (transfer full) (nullable): the parsed template, or %NULL with
 *   @error set (domain %HERALD_RENDER_ERROR) for the first malformed tag or
 *   invalid UTF-8; the message names the line and column.
 */
HeraldParsedTemplate *
herald_parsed_template_new (const char  *source,
                            gssize       length,
                            GError     **error)
{
  g_return_val_if_fail (source != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (source);
  return parse_template (source != NULL ? source : "", length, NULL, error);
}

/**
 * herald_parsed_template_ref:
 * @self: a parsed template
 *
 * Returns: (transfer full): @self, with one more reference.
 */
HeraldParsedTemplate *
herald_parsed_template_ref (HeraldParsedTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * herald_parsed_template_unref:
 * @self: (nullable): a parsed template
 *
 * Drops a reference and frees @self with the last one.
 */
void
herald_parsed_template_unref (HeraldParsedTemplate *self)
{
  if (self == NULL)
    return;
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->segments, g_array_unref);
      g_free (self->source);
      g_free (self);
    }
}

static GStrv
collect_variables (HeraldParsedTemplate *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *seg = &g_array_index (self->segments, Segment, i);

      if (seg->name != NULL && g_hash_table_add (seen, seg->name))
        g_strv_builder_add (builder, seg->name);
    }
  return g_strv_builder_end (builder);
}

/**
 * herald_parsed_template_dup_variables:
 * @self: a parsed template
 *
 * Returns: (transfer full): the variable names used by @self, each once,
 *   in the order of their first use.
 */
GStrv
herald_parsed_template_dup_variables (HeraldParsedTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return collect_variables (self);
}

static void
add_span (GArray  *spans,
          gboolean tag,
          gsize    source_offset,
          gsize    source_length,
          gsize    output_offset,
          gsize    output_length)
{
  HeraldRenderSpan span = { source_offset, source_length, output_offset, output_length, tag };

  if (spans != NULL)
    g_array_append_val (spans, span);
}

static char *
render_template (HeraldParsedTemplate  *self,
                 HeraldRenderScope     *scope,
                 HeraldOutputKind       kind,
                 HeraldRenderFlags      flags,
                 GPtrArray            **issues,
                 GArray               **spans)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) map = NULL;
  GString *out;

  if (issues != NULL)
    found = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_render_issue_free);
  if (spans != NULL)
    map = g_array_sized_new (FALSE, FALSE, sizeof (HeraldRenderSpan), self->segments->len);

  out = g_string_sized_new (self->length + self->length / 8 + 16);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *seg = &g_array_index (self->segments, Segment, i);
      g_autofree char *owned = NULL;
      const char *value;
      TagStatus status;
      gboolean used_fallback;
      char *message = NULL;
      HeraldRenderIssueKind issue_kind = HERALD_RENDER_ISSUE_FALLBACK;
      gsize before = out->len;

      if (!seg->is_tag)
        {
          g_string_append_len (out, self->source + seg->offset, seg->length);
          add_span (map, FALSE, seg->offset, seg->length, before, seg->length);
          continue;
        }

      value = evaluate_tag (seg, scope, &owned, &status, &used_fallback);
      if (value != NULL)
        herald_render_append_escaped (out, value, -1, kind);
      else if (status == TAG_UNKNOWN && (flags & HERALD_RENDER_KEEP_UNKNOWN) != 0)
        g_string_append_len (out, self->source + seg->offset, seg->length);
      add_span (map, TRUE, seg->offset, seg->length, before, out->len - before);

      if (found == NULL || status == TAG_VALUE)
        continue;

      switch (status)
        {
        case TAG_UNKNOWN:
          issue_kind = HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE;
          message = g_strdup_printf (_("Line %u, column %u: unknown variable “%s”."),
                                     seg->line, seg->column, seg->name);
          break;
        case TAG_MISSING:
          issue_kind = HERALD_RENDER_ISSUE_MISSING_VALUE;
          message = g_strdup_printf (_("Line %u, column %u: “%s” has no value for this contact and no fallback."),
                                     seg->line, seg->column, seg->name);
          break;
        case TAG_FALLBACK:
          issue_kind = HERALD_RENDER_ISSUE_FALLBACK;
          message = g_strdup_printf (_("Line %u, column %u: “%s” uses its fallback value."),
                                     seg->line, seg->column, seg->name);
          break;
        case TAG_VALUE:
        default:
          g_assert_not_reached ();
        }
      g_ptr_array_add (found, issue_new (issue_kind, seg->name, message,
                                         seg->line, seg->column,
                                         seg->offset, seg->length));
    }

  if (issues != NULL)
    *issues = g_steal_pointer (&found);
  if (spans != NULL)
    *spans = g_steal_pointer (&map);
  return g_string_free (out, FALSE);
}

/**
 * herald_parsed_template_render:
 * @self: a parsed template
 * @scope: the values
 * @kind: what is produced; %HERALD_OUTPUT_HTML escapes values
 * @flags: whether unknown tags are kept
 * @issues: (out) (optional) (transfer full) (element-type HeraldRenderIssue):
 *   return location for the unknown variables, missing values and
 *   fallbacks used, with their positions
 *
 * Renders @self.  Text outside tags is copied unchanged.  Rendering cannot
 * fail: an unknown variable or a missing value without fallback inserts
 * nothing (or, with %HERALD_RENDER_KEEP_UNKNOWN, an unknown variable's tag
 * is kept as written) and is reported in @issues.
 *
 * Returns: (transfer full): the rendered text.
 */
char *
herald_parsed_template_render (HeraldParsedTemplate  *self,
                               HeraldRenderScope     *scope,
                               HeraldOutputKind       kind,
                               HeraldRenderFlags      flags,
                               GPtrArray            **issues)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  return render_template (self, scope, kind, flags, issues, NULL);
}

/**
 * herald_parsed_template_render_mapped:
 * @self: a parsed template
 * @scope: the values
 * @kind: what is produced
 * @flags: whether unknown tags are kept
 * @issues: (out) (optional) (transfer full) (element-type HeraldRenderIssue):
 *   see herald_parsed_template_render()
 * @spans: (out) (transfer full) (element-type HeraldRenderSpan): return
 *   location for where each piece of the source went in the output
 *
 * Renders @self like herald_parsed_template_render() and also tells, for
 * every text run and tag of the source in order, which bytes of the output
 * it produced, so that a position in the output (a character that needs
 * UCS-2 in an SMS) can be traced back to the source: to the same
 * character in a text run, or to the tag whose value brought it in.
 *
 * Returns: (transfer full): the rendered text.
 */
char *
herald_parsed_template_render_mapped (HeraldParsedTemplate  *self,
                                      HeraldRenderScope     *scope,
                                      HeraldOutputKind       kind,
                                      HeraldRenderFlags      flags,
                                      GPtrArray            **issues,
                                      GArray               **spans)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (spans != NULL, NULL);

  return render_template (self, scope, kind, flags, issues, spans);
}

/**
 * herald_render_spans_find:
 * @spans: (element-type HeraldRenderSpan): spans from
 *   herald_parsed_template_render_mapped()
 * @output_offset: a byte offset in the output
 *
 * Returns: (nullable): the span that produced the byte at @output_offset,
 *   %NULL when the offset is past the output.
 */
const HeraldRenderSpan *
herald_render_spans_find (GArray *spans,
                          gsize   output_offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (spans != NULL, NULL);

  /* Spans are in output order; empty ones (a tag without value) never
   * contain an offset. */
  hi = spans->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const HeraldRenderSpan *span = &g_array_index (spans, HeraldRenderSpan, mid);

      if (output_offset < span->output_offset)
        hi = mid;
      else if (output_offset >= span->output_offset + span->output_length)
        lo = mid + 1;
      else
        return span;
    }
  return NULL;
}

/**
 * herald_parsed_template_dup_fallbacks:
 * @self: a parsed template
 * @scope: the values of one contact
 *
 * Tells which variables would not get the contact's own value but a
 * fallback: a `default:` filter or the template's default.
 *
 * Returns: (transfer full): the names, each once, in order of first use.
 */
GStrv
herald_parsed_template_dup_fallbacks (HeraldParsedTemplate *self,
                                      HeraldRenderScope    *scope)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *seg = &g_array_index (self->segments, Segment, i);
      g_autofree char *owned = NULL;
      TagStatus status;
      gboolean used_fallback;

      if (seg->name == NULL)
        continue;
      evaluate_tag (seg, scope, &owned, &status, &used_fallback);
      if (used_fallback && g_hash_table_add (seen, seg->name))
        g_strv_builder_add (builder, seg->name);
    }
  return g_strv_builder_end (builder);
}

/**
 * herald_render:
 * @source: the template text, UTF-8
 * @length: the length of @source in bytes, or -1 if it is nul-terminated
 * @scope: the values
 * @kind: what is produced
 * @flags: rendering flags
 * @issues: (out) (optional) (transfer full) (element-type HeraldRenderIssue):
 *   see herald_parsed_template_render()
 * @error: return location for a syntax error
 *
 * Parses and renders @source in one go.
 *
 * Returns: (transfer full) (nullable): the rendered text, or %NULL with
 *   @error set when @source has a malformed tag.
 */
char *
herald_render (const char         *source,
               gssize              length,
               HeraldRenderScope  *scope,
               HeraldOutputKind    kind,
               HeraldRenderFlags   flags,
               GPtrArray         **issues,
               GError            **error)
{
  g_autoptr(HeraldParsedTemplate) parsed = NULL;

  g_return_val_if_fail (scope != NULL, NULL);

  parsed = herald_parsed_template_new (source, length, error);
  if (parsed == NULL)
    return NULL;
  return herald_parsed_template_render (parsed, scope, kind, flags, issues);
}

/**
 * herald_parsed_template_new_lenient:
 * @source: the template text
 * @length: the length of @source in bytes, or -1 if it is nul-terminated
 * @syntax_issues: (out) (optional) (transfer full) (element-type HeraldRenderIssue):
 *   return location for the malformed tags
 *
 * Like herald_parsed_template_new(), but a malformed tag is kept as plain
 * text and reported instead of failing, so that a preview can show the
 * rest while the user is typing.  Invalid UTF-8 gives an empty template
 * and one issue.
 *
 * Returns: (transfer full): the parsed template, never %NULL.
 */
HeraldParsedTemplate *
herald_parsed_template_new_lenient (const char  *source,
                                    gssize       length,
                                    GPtrArray  **syntax_issues)
{
  g_autoptr(GPtrArray) issues = NULL;
  HeraldParsedTemplate *parsed;

  g_return_val_if_fail (source != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (source);
  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_render_issue_free);
  parsed = parse_template (source != NULL ? source : "", length, issues, NULL);
  if (syntax_issues != NULL)
    *syntax_issues = g_steal_pointer (&issues);
  return parsed;
}

/**
 * herald_template_check_syntax:
 * @source: the template text
 * @length: the length of @source in bytes, or -1 if it is nul-terminated
 *
 * Finds every malformed tag instead of stopping at the first, for the
 * editor and the linter.
 *
 * Returns: (transfer full) (element-type HeraldRenderIssue): issues of kind
 *   %HERALD_RENDER_ISSUE_SYNTAX, empty when the syntax is fine.
 */
GPtrArray *
herald_template_check_syntax (const char *source,
                              gssize      length)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(HeraldParsedTemplate) parsed = NULL;

  g_return_val_if_fail (source != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (source);
  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_render_issue_free);
  parsed = parse_template (source != NULL ? source : "", length, issues, NULL);
  return g_steal_pointer (&issues);
}

/**
 * herald_template_dup_variables:
 * @source: the template text
 * @length: the length of @source in bytes, or -1 if it is nul-terminated
 *
 * Lists the variables of @source, skipping malformed tags, so that the
 * editor can offer them while the user is still typing.
 *
 * Returns: (transfer full): the names, each once, in order of first use.
 */
GStrv
herald_template_dup_variables (const char *source,
                               gssize      length)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(HeraldParsedTemplate) parsed = NULL;

  g_return_val_if_fail (source != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (source);
  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_render_issue_free);
  parsed = parse_template (source != NULL ? source : "", length, issues, NULL);
  return collect_variables (parsed);
}

/**
 * herald_render_append_escaped:
 * @out: the string to append to
 * @value: the text
 * @length: the length of @value in bytes, or -1 if it is nul-terminated
 * @kind: the output kind
 *
 * Appends @value to @out as a rendered value: for %HERALD_OUTPUT_HTML with
 * `&`, `<`, `>`, `"` and `'` replaced by entities (safe in element content
 * and in quoted attributes), raw for the other kinds.
 */
void
herald_render_append_escaped (GString          *out,
                              const char       *value,
                              gssize            length,
                              HeraldOutputKind  kind)
{
  const char *run;
  const char *end;

  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL || length == 0);

  if (length < 0)
    length = strlen (value);
  if (kind != HERALD_OUTPUT_HTML)
    {
      g_string_append_len (out, value, length);
      return;
    }

  run = value;
  end = value + length;
  for (const char *p = value; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}
