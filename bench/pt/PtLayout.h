// The PT pathway's (pathways/pt_failure.pw) input, finding, definition and
// recommendation order, as the hand-written baselines assume it. The
// equivalence test checks these names against the compiled library, so a
// reordering or a renamed or added declaration in the .pw file fails there
// before any value is compared.
#ifndef PATHWAY_BENCH_PT_PTLAYOUT_H
#define PATHWAY_BENCH_PT_PTLAYOUT_H

#include <array>
#include <cstdint>

namespace pathway::bench::pt {

enum Input : uint32_t {
  kPainAtPtStart, kPainNow, kPainQuality, kPainConstant, kSymptomDuration, kPtDuration,
  kExerciseAdherence, kHarmfulHabits, kIntensityAdequate, kPtProgram, kHipDysfunction,
  kFootDysfunction, kRadicularSymptoms, kRadicularDuration, kPriorImaging, kDiscHerniation,
  kStenosis, kSpondylolisthesis, kLigamentLaxity, kExcessSegmentalMotion,
  kInflammatoryBackPain, kInflammatoryArthropathy, kEsr, kCrp, kFever,
  kUnexplainedWeightLoss, kProgressiveWeakness, kCancerHistory, kSaddleAnaesthesia,
  kBladderBowelDysfunction, kReflexChange, kMotorWeakness, kSensoryDeficit,
  kMriContraindicated, kBonyDetailNeeded, kFacetPainSuspected, kDiagnosticBlockPositive,
  kVertebrogenicPain, kInputCount
};

enum Finding : uint32_t {
  kPtNotHelping, kNonAdherence, kProtocolMismatch, kTrialTooShort, kIntensityTooLow,
  kAdjacentJointSource, kSevereNerveCompression, kStructuralInstability,
  kInflammatoryDiseaseSuspected, kRaisedInflammatoryMarkers, kInfectionOrTumourSuspected,
  kRedFlags, kCaudaEquina, kNeuroDeficit, kPersistentRadicular, kFindingCount
};

enum Definition : uint32_t {
  kPainImprovement, kLargeHerniationEstablished, kSignificantStenosisEstablished,
  kExecutionProblem, kCompressiveLesion, kSevereInstability, kMarkersRaised,
  kRaisedMarkerMeasured, kComplicated, kWorkupWarranted, kEsiIndicated,
  kNerveBlockIndicated, kRfaIndicated, kDefinitionCount
};

enum Recommendation : uint32_t {
  kAddressAdherence, kIndividualiseProtocol, kContinuePtAdequateDuration, kIntensifyExercise,
  kTreatAdjacentJoints, kAssessHipsFeet, kRecordPainScores, kImmediateMedicalEvaluation,
  kCaudaEquinaEmergency, kScreenRedFlags, kRheumatologyImmunomodulatory,
  kSpecialistReevaluation, kNeurologicalExam, kNeurologyReview, kOrthopaedicReview,
  kMriLumbar, kCtSpine, kXrayNotSufficient, kInflammatoryLabs, kNcsEmg,
  kEpiduralSteroidInjection, kFacetNerveBlock, kRadiofrequencyAblation,
  kInjectionRehabWindow, kBasivertebralNerveAblation, kProlotherapy,
  kSpinalSurgeryReferral, kEmergencyDecompression, kRecommendationCount
};

// Slots as in pathway/abi.h.
constexpr uint32_t statusSlot(uint32_t r) { return r; }
constexpr uint32_t conditionSlot(uint32_t r) { return kRecommendationCount + r; }
constexpr uint32_t findingSlot(uint32_t f) { return 2 * kRecommendationCount + f; }
constexpr uint32_t definitionSlot(uint32_t d) {
  return 2 * kRecommendationCount + kFindingCount + d;
}
constexpr uint32_t kSlotCount = 2 * kRecommendationCount + kFindingCount + kDefinitionCount;

extern const std::array<const char*, kInputCount> kInputNames;
extern const std::array<const char*, kFindingCount> kFindingNames;
extern const std::array<const char*, kDefinitionCount> kDefinitionNames;
extern const std::array<const char*, kRecommendationCount> kRecommendationNames;

}  // namespace pathway::bench::pt

#endif  // PATHWAY_BENCH_PT_PTLAYOUT_H
