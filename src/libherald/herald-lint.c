/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-lint.c: checks of a template before it is sent.
 *
 * The rules are listed with their reasons in docs/templates.md.  HTML is
 * read with libxml2's forgiving HTML parser, whose own complaints become
 * the `html-parse` findings; the tree it builds is walked for links and
 * images.  Template tags are checked with the renderer's own parser, so the
 * linter and the sender agree on what a tag is.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include "herald-lint.h"
#include "herald-renderer.h"
#include "herald-sms.h"

/* Enough to show a template's problems without flooding the panel. */
#define MAX_PARSE_FINDINGS 50

typedef struct
{
  GPtrArray *findings;
  guint n_parse_errors;
} ParseErrors;

G_DEFINE_BOXED_TYPE (HeraldLintFinding, herald_lint_finding,
                     herald_lint_finding_copy, herald_lint_finding_free)

static const char * const unsubscribe_words[] = {
  "unsubscribe",
  "unsub",
  "opt-out",
  "optout",
  "opt out",
  "abmelden",
  "abbestellen",
  "austragen",
  "abmeldung",
  NULL
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

static void
add_finding (GPtrArray          *findings,
             HeraldLintSeverity  severity,
             const char         *code,
             HeraldLintPart      part,
             guint               line,
             guint               column,
             char               *message)
{
  HeraldLintFinding *finding = g_new0 (HeraldLintFinding, 1);

  finding->severity = severity;
  finding->code = g_strdup (code);
  finding->message = message;
  finding->part = part;
  finding->line = line;
  finding->column = column;
  g_ptr_array_add (findings, finding);
}

static GPtrArray *
findings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) herald_lint_finding_free);
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;
  for (; *str; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;
  return TRUE;
}

/* A short form of a long attribute value for messages. */
static char *
ellipsize (const char *str)
{
  const guint max = 60;

  g_autofree char *start = NULL;

  g_autofree char *clean = g_strdup (str);

  /* Tabs and line breaks inside an attribute would garble the message. */
  for (char *p = clean; *p; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  if (g_utf8_strlen (clean, -1) <= max)
    return g_steal_pointer (&clean);
  start = g_utf8_substring (clean, 0, max - 1);
  return g_strconcat (start, "…", NULL);
}

/**
 * herald_lint_find_tag_problems:
 * @source: (nullable): a templated field
 * @known_variables: (nullable) (array zero-terminated=1): see herald_lint_email()
 *
 * Finds the malformed tags and the tags of unknown variables in @source:
 * the same problems, by the same notion of a known variable, that
 * herald_lint_email() and friends report as `syntax` and
 * `unknown-variable`.  The editor underlines these, so that what is
 * underlined and what the checks list always agree.
 *
 * Returns: (transfer full) (element-type HeraldRenderIssue): issues of kind
 *   %HERALD_RENDER_ISSUE_SYNTAX and %HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE in
 *   the order of the source, with positions and lengths.
 */
GPtrArray *
herald_lint_find_tag_problems (const char         *source,
                               const char * const *known_variables)
{
  g_autoptr(HeraldParsedTemplate) parsed = NULL;
  g_autoptr(HeraldRenderScope) scope = NULL;
  g_autoptr(GPtrArray) syntax = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *out = NULL;
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_render_issue_free);
  guint s = 0, u = 0;

  if (source == NULL || source[0] == '\0')
    return problems;

  parsed = herald_parsed_template_new_lenient (source, -1, &syntax);

  /* Every known name gets a value, so that only unknown ones are left. */
  scope = herald_render_scope_new ();
  for (guint i = 0; known_variables != NULL && known_variables[i] != NULL; i++)
    herald_render_scope_set_value (scope, known_variables[i], "x");
  for (guint i = 0; herald_render_standard_variables ()[i] != NULL; i++)
    herald_render_scope_set_value (scope, herald_render_standard_variables ()[i], "x");

  out = herald_parsed_template_render (parsed, scope, HERALD_OUTPUT_TEXT,
                                       HERALD_RENDER_NONE, &issues);

  /* Both lists are in source order: merge them. */
  while (s < syntax->len || u < issues->len)
    {
      HeraldRenderIssue *a = s < syntax->len ? g_ptr_array_index (syntax, s) : NULL;
      HeraldRenderIssue *b = NULL;

      while (u < issues->len
             && ((HeraldRenderIssue *) g_ptr_array_index (issues, u))->kind != HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE)
        u++;
      if (u < issues->len)
        b = g_ptr_array_index (issues, u);
      if (a == NULL && b == NULL)
        break;
      if (b == NULL || (a != NULL && a->offset <= b->offset))
        {
          g_ptr_array_add (problems, herald_render_issue_copy (a));
          s++;
        }
      else
        {
          g_ptr_array_add (problems, herald_render_issue_copy (b));
          u++;
        }
    }

  return problems;
}

/* Syntax errors and unknown variables of one templated field. */
static void
lint_template_part (GPtrArray          *findings,
                    HeraldLintPart      part,
                    const char         *source,
                    const char * const *known_variables)
{
  g_autoptr(GPtrArray) problems = herald_lint_find_tag_problems (source, known_variables);

  /* Syntax errors first, as before: they are errors, unknown names warnings. */
  for (guint i = 0; i < problems->len; i++)
    {
      HeraldRenderIssue *issue = g_ptr_array_index (problems, i);

      if (issue->kind == HERALD_RENDER_ISSUE_SYNTAX)
        add_finding (findings, HERALD_LINT_ERROR, HERALD_LINT_SYNTAX, part,
                     issue->line, issue->column, g_strdup (issue->message));
    }
  for (guint i = 0; i < problems->len; i++)
    {
      HeraldRenderIssue *issue = g_ptr_array_index (problems, i);

      if (issue->kind == HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE)
        add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_UNKNOWN_VARIABLE, part,
                     issue->line, issue->column, g_strdup (issue->message));
    }
}

static gboolean
mentions_unsubscribe (const char *str)
{
  g_autofree char *folded = NULL;

  if (str == NULL)
    return FALSE;
  folded = g_utf8_casefold (str, -1);
  for (guint i = 0; unsubscribe_words[i] != NULL; i++)
    if (strstr (folded, unsubscribe_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
uses_unsubscribe_url (const char *str)
{
  g_auto(GStrv) names = NULL;

  if (str == NULL || strstr (str, "{{") == NULL)
    return FALSE;
  names = herald_template_dup_variables (str, -1);
  return g_strv_contains ((const char * const *) names, "unsubscribe_url");
}

/* Browsers ignore ASCII whitespace and control characters in a URL, so
 * “java\tscript:” must be seen as “javascript:”. */
static char *
strip_url (const char *href)
{
  GString *str = g_string_new (NULL);

  for (const char *p = href; *p; p++)
    if ((guchar) *p > 0x20 && *p != 0x7F)
      g_string_append_c (str, *p);
  return g_string_free (str, FALSE);
}

static void
check_link (GPtrArray  *findings,
            const char *href,
            guint       line)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (href));
  g_autofree char *stripped = strip_url (href);
  const char *scheme;
  g_autofree char *shown = NULL;

  if (trimmed[0] == '\0')
    {
      add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_LINK_NOT_HTTP,
                   HERALD_LINT_PART_HTML, line, 0,
                   g_strdup_printf (_("Line %u: a link has an empty address."), line));
      return;
    }
  /* Filled in when sending (such as {{ unsubscribe_url }}), or an anchor
   * in the message itself. */
  if (g_str_has_prefix (trimmed, "{{") || trimmed[0] == '#')
    return;

  shown = ellipsize (trimmed);
  scheme = g_uri_peek_scheme (stripped);
  if (scheme != NULL
      && (g_str_equal (scheme, "javascript") || g_str_equal (scheme, "vbscript")
          || g_str_equal (scheme, "data") || g_str_equal (scheme, "file")))
    {
      add_finding (findings, HERALD_LINT_ERROR, HERALD_LINT_DANGEROUS_LINK,
                   HERALD_LINT_PART_HTML, line, 0,
                   g_strdup_printf (_("Line %u: the link “%s” would run code or open a local file; use an http or https address."),
                                    line, shown));
    }
  else if (scheme != NULL && g_str_equal (scheme, "http"))
    {
      add_finding (findings, HERALD_LINT_INFO, HERALD_LINT_INSECURE_LINK,
                   HERALD_LINT_PART_HTML, line, 0,
                   g_strdup_printf (_("Line %u: the link “%s” is not encrypted; prefer https."),
                                    line, shown));
    }
  else if (scheme != NULL
           && (g_str_equal (scheme, "https") || g_str_equal (scheme, "mailto")
               || g_str_equal (scheme, "tel") || g_str_equal (scheme, "sms")))
    {
      /* Fine. */
    }
  else
    {
      add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_LINK_NOT_HTTP,
                   HERALD_LINT_PART_HTML, line, 0,
                   g_strdup_printf (_("Line %u: the link “%s” is not a web address (http or https) and will not work in a mail."),
                                    line, shown));
    }
}

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  ParseErrors *errors = user_data;
  g_autofree char *detail = NULL;

  /* libxml2 knows only HTML 4 elements; HTML 5 ones are fine in mail. */
  if (error->code == XML_HTML_UNKNOWN_TAG)
    return;
  errors->n_parse_errors++;
  if (errors->n_parse_errors > MAX_PARSE_FINDINGS)
    return;
  detail = g_strstrip (g_utf8_make_valid (error->message != NULL ? error->message : "", -1));
  add_finding (errors->findings, HERALD_LINT_WARNING, HERALD_LINT_HTML_PARSE,
               HERALD_LINT_PART_HTML, (guint) MAX (error->line, 0), (guint) MAX (error->int2, 0),
               g_strdup_printf (_("Line %u, column %u: the HTML is malformed: %s"),
                                (guint) MAX (error->line, 0), (guint) MAX (error->int2, 0),
                                detail));
}

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return node->name != NULL && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
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

/* Walks the tree without recursion, since hostile HTML can nest deeply.
 * Returns whether an unsubscribe link was seen. */
static gboolean
walk_html (GPtrArray *findings,
           xmlNode   *root)
{
  gboolean unsubscribe = FALSE;
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          guint line = (guint) xmlGetLineNo (node);

          if (name_is (node, "a") || name_is (node, "area"))
            {
              g_autofree char *href = get_attribute (node, "href");

              if (href != NULL)
                {
                  xmlChar *content = xmlNodeGetContent (node);
                  g_autofree char *text = content != NULL
                    ? g_utf8_make_valid ((const char *) content, -1) : NULL;

                  xmlFree (content);
                  check_link (findings, href, line);
                  if (mentions_unsubscribe (href) || uses_unsubscribe_url (href)
                      || mentions_unsubscribe (text))
                    unsubscribe = TRUE;
                }
            }
          else if (name_is (node, "img"))
            {
              g_autofree char *alt = get_attribute (node, "alt");

              if (alt == NULL)
                {
                  g_autofree char *src = get_attribute (node, "src");
                  g_autofree char *shown = ellipsize (src != NULL ? src : "");

                  add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_IMAGE_WITHOUT_ALT,
                               HERALD_LINT_PART_HTML, line, 0,
                               g_strdup_printf (_("Line %u: the image “%s” has no alt text for readers who do not load images."),
                                                line, shown));
                }
            }
        }

      if (node->children != NULL && node->type != XML_ENTITY_REF_NODE)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == root || node == NULL || node->type == XML_DOCUMENT_NODE
              || node->type == XML_HTML_DOCUMENT_NODE)
            return unsubscribe;
        }
      if (node != NULL)
        node = node->next;
    }
  return unsubscribe;
}

/* Returns whether the HTML has an unsubscribe link. */
static gboolean
lint_html (GPtrArray  *findings,
           const char *html)
{
  ParseErrors errors = { findings, 0 };
  xmlStructuredErrorFunc old_handler = xmlStructuredError;
  void *old_context = xmlStructuredErrorContext;
  htmlDocPtr doc;
  gsize length = strlen (html);
  gboolean unsubscribe = FALSE;

  if (length > HERALD_LINT_GMAIL_CLIP_BYTES)
    {
      g_autofree char *size = g_format_size (length);

      add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_HTML_TOO_LARGE,
                   HERALD_LINT_PART_HTML, 0, 0,
                   g_strdup_printf (_("The HTML is %s large; Gmail cuts off messages above 102 KB behind a “View entire message” link, including the unsubscribe link at the end."),
                                    size));
    }

  ensure_libxml ();
  /* The handler is per thread in libxml2, so set it only around the parse. */
  xmlSetStructuredErrorFunc (&errors, parse_error_cb);
  doc = htmlReadMemory (html, (int) MIN (length, G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  xmlSetStructuredErrorFunc (old_context, old_handler);

  if (errors.n_parse_errors > MAX_PARSE_FINDINGS)
    add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_HTML_PARSE,
                 HERALD_LINT_PART_HTML, 0, 0,
                 g_strdup_printf (ngettext ("And %u more HTML problem.",
                                            "And %u more HTML problems.",
                                            errors.n_parse_errors - MAX_PARSE_FINDINGS),
                                  errors.n_parse_errors - MAX_PARSE_FINDINGS));

  if (doc != NULL)
    {
      xmlNode *root = xmlDocGetRootElement (doc);

      if (root != NULL)
        unsubscribe = walk_html (findings, root);
      xmlFreeDoc (doc);
    }
  return unsubscribe;
}

/**
 * herald_lint_finding_copy:
 * @finding: a finding
 *
 * Returns: (transfer full): a copy of @finding.
 */
HeraldLintFinding *
herald_lint_finding_copy (const HeraldLintFinding *finding)
{
  HeraldLintFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_memdup2 (finding, sizeof *finding);
  copy->code = g_strdup (finding->code);
  copy->message = g_strdup (finding->message);
  return copy;
}

/**
 * herald_lint_finding_free:
 * @finding: (nullable): a finding
 *
 * Frees @finding.
 */
void
herald_lint_finding_free (HeraldLintFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->code);
  g_free (finding->message);
  g_free (finding);
}

/**
 * herald_lint_email:
 * @subject: (nullable): the subject template
 * @preheader: (nullable): the preheader template
 * @html: (nullable): the HTML body template
 * @text: (nullable): the plain-text body template
 * @known_variables: (nullable) (array zero-terminated=1): the variables
 *   that exist besides herald_render_standard_variables(): the template's
 *   own variables and the contacts' custom attributes
 *
 * Checks an e-mail template: subject, body, template syntax, unknown
 * variables, an unsubscribe link, links, image alt texts, HTML that
 * libxml2 finds malformed and HTML that Gmail would clip.
 *
 * Returns: (transfer full) (element-type HeraldLintFinding): the findings,
 *   in the order of the parts, empty when all is well.
 */
GPtrArray *
herald_lint_email (const char         *subject,
                   const char         *preheader,
                   const char         *html,
                   const char         *text,
                   const char * const *known_variables)
{
  GPtrArray *findings = findings_new ();
  gboolean unsubscribe = FALSE;

  if (is_blank (subject))
    add_finding (findings, HERALD_LINT_ERROR, HERALD_LINT_MISSING_SUBJECT,
                 HERALD_LINT_PART_SUBJECT, 0, 0,
                 g_strdup (_("The e-mail has no subject.")));
  if (is_blank (html) && is_blank (text))
    add_finding (findings, HERALD_LINT_ERROR, HERALD_LINT_MISSING_BODY,
                 HERALD_LINT_PART_NONE, 0, 0,
                 g_strdup (_("The e-mail has neither an HTML nor a text body.")));

  lint_template_part (findings, HERALD_LINT_PART_SUBJECT, subject, known_variables);
  lint_template_part (findings, HERALD_LINT_PART_PREHEADER, preheader, known_variables);
  lint_template_part (findings, HERALD_LINT_PART_HTML, html, known_variables);
  lint_template_part (findings, HERALD_LINT_PART_TEXT, text, known_variables);

  if (!is_blank (html))
    unsubscribe = lint_html (findings, html);
  else if (!is_blank (text))
    unsubscribe = mentions_unsubscribe (text) || uses_unsubscribe_url (text);

  if (!unsubscribe && !(is_blank (html) && is_blank (text)))
    add_finding (findings, HERALD_LINT_ERROR, HERALD_LINT_MISSING_UNSUBSCRIBE,
                 is_blank (html) ? HERALD_LINT_PART_TEXT : HERALD_LINT_PART_HTML, 0, 0,
                 g_strdup (_("There is no unsubscribe link. Link to {{ unsubscribe_url }} or add a link whose text says “Unsubscribe” or “Abmelden”.")));

  return findings;
}

/**
 * herald_lint_sms:
 * @text: (nullable): the SMS text template
 * @known_variables: (nullable) (array zero-terminated=1): see herald_lint_email()
 *
 * Checks an SMS template: empty text, syntax, unknown variables, and
 * whether the text (as written, before values are filled in) needs more
 * than one SMS.
 *
 * Returns: (transfer full) (element-type HeraldLintFinding): the findings.
 */
GPtrArray *
herald_lint_sms (const char         *text,
                 const char * const *known_variables)
{
  GPtrArray *findings = findings_new ();
  g_autoptr(HeraldSmsCount) count = NULL;

  if (is_blank (text))
    {
      add_finding (findings, HERALD_LINT_ERROR, HERALD_LINT_MISSING_BODY,
                   HERALD_LINT_PART_TEXT, 0, 0, g_strdup (_("The SMS has no text.")));
      return findings;
    }
  lint_template_part (findings, HERALD_LINT_PART_TEXT, text, known_variables);

  count = herald_sms_count (text, -1);
  if (count->segments > 1)
    add_finding (findings, HERALD_LINT_INFO, HERALD_LINT_SMS_SEGMENTS,
                 HERALD_LINT_PART_TEXT, 0, 0,
                 g_strdup_printf (ngettext ("The text is sent as %u SMS (%s), each of them paid.",
                                            "The text is sent as %u SMS (%s), each of them paid.",
                                            count->segments),
                                  count->segments,
                                  count->encoding == HERALD_SMS_ENCODING_GSM7 ? "GSM-7" : "UCS-2"));
  return findings;
}

/**
 * herald_lint_push:
 * @title: (nullable): the push title template
 * @body: (nullable): the push body template
 * @known_variables: (nullable) (array zero-terminated=1): see herald_lint_email()
 *
 * Checks a push template: empty body, syntax, unknown variables and the
 * length limits %HERALD_PUSH_TITLE_MAX and %HERALD_PUSH_BODY_MAX.
 *
 * Returns: (transfer full) (element-type HeraldLintFinding): the findings.
 */
GPtrArray *
herald_lint_push (const char         *title,
                  const char         *body,
                  const char * const *known_variables)
{
  GPtrArray *findings = findings_new ();

  if (is_blank (body))
    add_finding (findings, HERALD_LINT_ERROR, HERALD_LINT_MISSING_BODY,
                 HERALD_LINT_PART_BODY, 0, 0,
                 g_strdup (_("The push notification has no text.")));
  lint_template_part (findings, HERALD_LINT_PART_TITLE, title, known_variables);
  lint_template_part (findings, HERALD_LINT_PART_BODY, body, known_variables);

  if (title != NULL && herald_push_title_remaining (title) < 0)
    add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_PUSH_TOO_LONG,
                 HERALD_LINT_PART_TITLE, 0, 0,
                 g_strdup_printf (_("The title has %u characters; many devices cut it off after %u."),
                                  (guint) g_utf8_strlen (title, -1), HERALD_PUSH_TITLE_MAX));
  if (body != NULL && herald_push_body_remaining (body) < 0)
    add_finding (findings, HERALD_LINT_WARNING, HERALD_LINT_PUSH_TOO_LONG,
                 HERALD_LINT_PART_BODY, 0, 0,
                 g_strdup_printf (_("The text has %u characters; many devices cut it off after %u."),
                                  (guint) g_utf8_strlen (body, -1), HERALD_PUSH_BODY_MAX));
  return findings;
}

/**
 * herald_lint_count:
 * @findings: (element-type HeraldLintFinding): findings
 * @code: a `HERALD_LINT_*` code
 *
 * Returns: how many of @findings have @code.
 */
guint
herald_lint_count (GPtrArray  *findings,
                   const char *code)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  g_return_val_if_fail (code != NULL, 0);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((HeraldLintFinding *) findings->pdata[i])->code, code))
      n++;
  return n;
}

/**
 * herald_lint_first:
 * @findings: (element-type HeraldLintFinding): findings
 * @code: a `HERALD_LINT_*` code
 *
 * Returns: (transfer none) (nullable): the first finding with @code.
 */
const HeraldLintFinding *
herald_lint_first (GPtrArray  *findings,
                   const char *code)
{
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((HeraldLintFinding *) findings->pdata[i])->code, code))
      return findings->pdata[i];
  return NULL;
}
