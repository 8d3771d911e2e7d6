// XmlDocument: encodings from the declaration, Windows-1252 for ISO-8859-1, errors with
// their line.
#include "platform/xml.h"

#include <gtest/gtest.h>

namespace diseasemaps {
namespace {

TEST(XmlDocument, ReadsUtf8ElementsAttributesAndLines) {
  auto doc = XmlDocument::Parse(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<root a=\"x &amp; y\">\n"
      "  <item>  Síndrome de opsoclono-mioclono  </item>\n"
      "  <item>second</item>\n"
      "</root>\n");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->DeclaredEncoding(), "UTF-8");
  const XmlElement root = doc->Root();
  EXPECT_EQ(root.Name(), "root");
  EXPECT_EQ(root.Attribute("a"), "x & y");
  EXPECT_EQ(root.Attribute("missing"), "");
  EXPECT_EQ(root.Child("item").Text(), "Síndrome de opsoclono-mioclono");
  EXPECT_EQ(root.Child("item").Line(), 3);
  ASSERT_EQ(root.Children("item").size(), 2u);
  EXPECT_EQ(root.Children("item")[1].Text(), "second");
  EXPECT_FALSE(root.Child("none"));
  EXPECT_EQ(root.Child("none").Child("deeper").Text(), "");  // null elements read as empty
}

TEST(XmlDocument, ReadsTheDeclaredIso88591AsUtf8WithWindows1252Punctuation) {
  // "Síndrome de Rubinstein – Taybi" as Orphanet's older Portuguese file has it: é and
  // í in ISO-8859-1, and the dash as Windows-1252's 0x96.
  const std::string bytes =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<Name lang=\"pt\">S\xEDndrome de Rubinstein \x96 Taybi, muta\xE7\xE3o</Name>\n";
  auto doc = XmlDocument::Parse(bytes);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->DeclaredEncoding(), "ISO-8859-1");
  EXPECT_EQ(doc->Root().Text(), "Síndrome de Rubinstein – Taybi, mutação");
  EXPECT_EQ(doc->Root().Attribute("lang"), "pt");
}

TEST(XmlDocument, AMalformedDocumentSaysItsLine) {
  auto doc = XmlDocument::Parse(
      "<?xml version=\"1.0\"?>\n"
      "<root>\n"
      "  <a>text</b>\n"
      "</root>\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(doc.status().message().rfind("line 3: ", 0), 0u) << doc.status().message();
  EXPECT_FALSE(XmlDocument::Parse("").ok());
  EXPECT_FALSE(XmlDocument::Parse("<a>").ok());
}

TEST(XmlDocument, NeverExpandsExternalEntities) {
  auto doc = XmlDocument::Parse(
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<r>&x;</r>\n");
  if (doc.ok()) {
    EXPECT_EQ(doc->Root().Text().find("root:"), std::string::npos);
  }
}

TEST(Windows1252FromLatin1, MapsC1ControlsAndKeepsTheUndefinedOnes) {
  EXPECT_EQ(Windows1252FromLatin1("a\u0096b\u0093c\u0094"), "a–b“c”");
  EXPECT_EQ(Windows1252FromLatin1("\u0080"), "€");
  EXPECT_EQ(Windows1252FromLatin1("\u0081"), "\u0081");  // undefined in Windows-1252
  EXPECT_EQ(Windows1252FromLatin1("plain é"), "plain é");
}

}  // namespace
}  // namespace diseasemaps
