#include <gtest/gtest.h>

#include "units/Units.h"

namespace pathway::units {
namespace {

TEST(Units, EverySpellingHasACanonicalUnitOfTheSameDimension) {
  for (const Unit& u : all()) {
    const Unit* canonical = find(u.canonical);
    ASSERT_NE(canonical, nullptr) << u.spelling;
    EXPECT_EQ(canonical->dimension, u.dimension);
    EXPECT_EQ(canonical->factor, u.factor);
  }
}

TEST(Units, TimeConversions) {
  EXPECT_DOUBLE_EQ(convert(6, *find("weeks"), *find("days")), 42);
  EXPECT_DOUBLE_EQ(convert(14, *find("day"), *find("week")), 2);
  EXPECT_DOUBLE_EQ(convert(12, *find("months"), *find("years")), 1);
  EXPECT_NEAR(convert(3, *find("months"), *find("weeks")), 13.04, 0.01);
}

TEST(Units, ConcentrationConversions) {
  EXPECT_DOUBLE_EQ(convert(1, *find("mg/dL"), *find("mg/L")), 10);
  EXPECT_DOUBLE_EQ(convert(5, *find("mg/L"), *find("mg/dL")), 0.5);
  EXPECT_DOUBLE_EQ(convert(1, *find("g/L"), *find("mg/L")), 1000);
}

TEST(Units, UnknownSpellingsAreNotUnits) {
  EXPECT_EQ(find("weekz"), nullptr);
  EXPECT_EQ(find("MG/L"), nullptr);  // units are case-sensitive: mg/L, not MG/L
  EXPECT_EQ(baseUnit("time"), "days");
  EXPECT_EQ(baseUnit("concentration"), "mg/L");
}

}  // namespace
}  // namespace pathway::units

#include "sema/Forms.h"

namespace pathway::sema {
namespace {

TEST(Forms, SemanticVersions) {
  for (const char* ok : {"1.0.0", "0.1.0", "10.20.30", "1.0.0-rc.1", "1.0.0+build.5", "1.0.0-alpha+001"}) {
    EXPECT_TRUE(isSemanticVersion(ok)) << ok;
  }
  for (const char* bad : {"", "1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0+", "1.0.0 ", "1..0", "1.0.0-a b"}) {
    EXPECT_FALSE(isSemanticVersion(bad)) << bad;
  }
}

TEST(Forms, ParagraphIds) {
  for (const char* ok : {"S0.P1", "S12.P3", "S1.P10"}) EXPECT_TRUE(isParagraphId(ok)) << ok;
  for (const char* bad : {"", "S1", "S1P1", "P1.S1", "S1.P", "s1.p1", "S1.P1x", "S.P1"}) {
    EXPECT_FALSE(isParagraphId(bad)) << bad;
  }
}

}  // namespace
}  // namespace pathway::sema
