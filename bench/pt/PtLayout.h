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
  kAge, kSex, kPainAtPtStart, kPainNow, kPainQuality, kPainConstant, kSymptomDuration,
  kPtDuration, kExerciseAdherence, kHarmfulHabits, kIntensityAdequate, kPtProgram,
  kHipDysfunction, kFootDysfunction, kRadicularSymptoms, kRadicularDuration, kPriorImaging,
  kMriAfterWarningFeatures, kDiscHerniation, kStenosis, kSpondylolisthesis, kLigamentLaxity,
  kExcessSegmentalMotion, kMassOnImaging, kInflammatoryBackPain, kInflammatoryArthropathy, kEsr,
  kCrp, kFever, kUnexplainedWeightLoss, kProgressiveWeakness, kCancerHistory, kSuspectedFracture,
  kSeriousPathologyExcluded, kSaddleAnaesthesia, kBladderBowelDysfunction,
  kCaudaCompressionOnImaging, kNeuroExamBy, kReflexChange, kMotorWeakness, kSensoryDeficit,
  kMriContraindicated, kBonyDetailNeeded, kFacetPainSuspected, kDiagnosticBlockPositive,
  kConfirmatoryBlockPositive, kVertebrogenicPain, kEsiFailed, kInputCount
};

enum Finding : uint32_t {
  kPtNotHelping, kNonAdherence, kProtocolMismatch, kTrialTooShort, kIntensityTooLow,
  kAdjacentJointSource, kSevereNerveCompression, kStructuralInstability,
  kInflammatoryDiseaseSuspected, kRaisedInflammatoryMarkers, kInfectionOrTumourSuspected,
  kSeriousPathologySuspected, kRedFlags, kCaudaEquina, kNeuroDeficit, kPersistentRadicular,
  kFindingCount
};

enum Definition : uint32_t {
  kPainImprovement, kPtFailing, kLargeHerniationEstablished, kSignificantStenosisEstablished,
  kExecutionProblem, kConservativeCareFailed, kCompressiveLesion, kSevereInstability,
  kEsrLimitAdjustable, kEsrAboveAgeLimit, kEsrRaised, kMarkersRaised, kMassSeen,
  kSeriousPathologyRuledOut, kPtDeliveryUnrecorded, kRaisedMarkerMeasured, kComplicated,
  kWorkupWarranted, kSpecialistExamined, kNeuroExamIncomplete, kMriPredatesWarning,
  kEsiTriedAndFailed, kEsiIndicated, kBlockPending, kNerveBlockIndicated, kRfaIndicated,
  kCompressionFailedInjection, kDefinitionCount
};

enum Recommendation : uint32_t {
  kImmediateMedicalEvaluation, kCaudaEquinaEmergency, kExcludeSeriousPathology,
  kEmergencyMriCaudaEquina, kEmergencyCtCaudaEquina, kScreenRedFlags, kRecordCancerHistory,
  kRheumatologyImmunomodulatory, kContinueCurrentPt, kResumePtAfterFixes, kAddressAdherence,
  kIndividualiseProtocol, kContinuePtAdequateDuration, kIntensifyExercise, kTreatAdjacentJoints,
  kAssessHipsFeet, kRecordPainScores, kRecordPtDelivery, kSpecialistReevaluation,
  kNeurologicalExam, kNeurologyReview, kOrthopaedicReview, kRecordSymptomDuration, kMriLumbar,
  kCtSpine, kXrayNotSufficient, kInflammatoryLabs, kNcsEmg, kEpiduralSteroidInjection,
  kFacetNerveBlock, kRadiofrequencyAblation, kInjectionRehabWindow, kBasivertebralNerveAblation,
  kProlotherapy, kSpinalSurgeryReferral, kEmergencyDecompression, kRecommendationCount
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
