// pathways/pt_failure.pw transcribed by hand, once, over an abstract
// three-valued domain D. D supplies Bool and Number types with the Kleene
// operators (& and, | or, ~ not; comparisons of a Number with a constant;
// eq/ne/in for enum labels; known()), reads inputs and receives outputs.
// PtRow.h instantiates it for one patient (value/known/mask planes, branch
// free); PtBitsliced.h for 64 patients per machine word. Constants are in the
// inputs' declared units, as the compiler converts them.
#ifndef PATHWAY_BENCH_PT_PTLOGIC_H
#define PATHWAY_BENCH_PT_PTLOGIC_H

#include "pt/PtLayout.h"

namespace pathway::bench::pt {

template <typename D>
inline void evaluatePt(D& d) {
  using B = typename D::Bool;
  using N = typename D::Number;
  // Enum label indices, in declaration order.
  constexpr double kSharp = 1, kElectrical = 2;             // PainQuality
  constexpr double kGeneralConditioning = 0;               // PtProgram
  constexpr double kSmall = 1, kLarge = 2;                 // DiscHerniation
  constexpr double kModerate = 2, kSevere = 3;             // StenosisGrade
  constexpr double kLowGrade = 1, kHighGrade = 2;          // Spondylolisthesis
  constexpr double kXrayOnly = 1, kMri = 3;                // ImagingDone
  constexpr double kFemale = 0, kMale = 1;                 // Sex
  constexpr double kSpecialist = 2;                        // Examiner

  const N age = d.number(kAge), sex = d.number(kSex);
  const N pain_at_pt_start = d.number(kPainAtPtStart), pain_now = d.number(kPainNow);
  const N pain_quality = d.number(kPainQuality), symptom_duration = d.number(kSymptomDuration);
  const N pt_duration = d.number(kPtDuration), exercise_adherence = d.number(kExerciseAdherence);
  const N pt_program = d.number(kPtProgram), radicular_duration = d.number(kRadicularDuration);
  const N prior_imaging = d.number(kPriorImaging), disc_herniation = d.number(kDiscHerniation);
  const N stenosis = d.number(kStenosis), spondylolisthesis = d.number(kSpondylolisthesis);
  const N esr = d.number(kEsr), crp = d.number(kCrp), neuro_exam_by = d.number(kNeuroExamBy);
  const B pain_constant = d.boolean(kPainConstant), harmful_habits = d.boolean(kHarmfulHabits);
  const B intensity_adequate = d.boolean(kIntensityAdequate);
  const B hip_dysfunction = d.boolean(kHipDysfunction);
  const B foot_dysfunction = d.boolean(kFootDysfunction);
  const B radicular_symptoms = d.boolean(kRadicularSymptoms);
  const B mri_after_warning_features = d.boolean(kMriAfterWarningFeatures);
  const B ligament_laxity = d.boolean(kLigamentLaxity);
  const B excess_segmental_motion = d.boolean(kExcessSegmentalMotion);
  const B mass_on_imaging = d.boolean(kMassOnImaging);
  const B inflammatory_back_pain = d.boolean(kInflammatoryBackPain);
  const B inflammatory_arthropathy = d.boolean(kInflammatoryArthropathy);
  const B fever = d.boolean(kFever), unexplained_weight_loss = d.boolean(kUnexplainedWeightLoss);
  const B progressive_weakness = d.boolean(kProgressiveWeakness);
  const B cancer_history = d.boolean(kCancerHistory);
  const B suspected_fracture = d.boolean(kSuspectedFracture);
  const B serious_pathology_excluded = d.boolean(kSeriousPathologyExcluded);
  const B saddle_anaesthesia = d.boolean(kSaddleAnaesthesia);
  const B bladder_bowel_dysfunction = d.boolean(kBladderBowelDysfunction);
  const B cauda_compression_on_imaging = d.boolean(kCaudaCompressionOnImaging);
  const B reflex_change = d.boolean(kReflexChange), motor_weakness = d.boolean(kMotorWeakness);
  const B sensory_deficit = d.boolean(kSensoryDeficit);
  const B mri_contraindicated = d.boolean(kMriContraindicated);
  const B bony_detail_needed = d.boolean(kBonyDetailNeeded);
  const B facet_pain_suspected = d.boolean(kFacetPainSuspected);
  const B diagnostic_block_positive = d.boolean(kDiagnosticBlockPositive);
  const B confirmatory_block_positive = d.boolean(kConfirmatoryBlockPositive);
  const B vertebrogenic_pain = d.boolean(kVertebrogenicPain);
  const B esi_failed = d.boolean(kEsiFailed);

  // S0
  const N pain_improvement = d.sub(pain_at_pt_start, pain_now);
  const B pt_not_helping = d.lt(pain_improvement, 2);
  const B pt_failing = pt_not_helping & d.ge(pain_now, 4);
  // S1
  const B non_adherence = d.lt(exercise_adherence, 80) | harmful_habits;
  const B large_herniation_established =
      d.known(disc_herniation) & d.eq(disc_herniation, kLarge);
  const B significant_stenosis_established =
      d.known(stenosis) & d.in(stenosis, kModerate, kSevere);
  const B protocol_mismatch = d.eq(pt_program, kGeneralConditioning) &
                              (large_herniation_established | significant_stenosis_established);
  const B trial_too_short = d.lt(pt_duration, 6);
  const B intensity_too_low = ~intensity_adequate;
  const B adjacent_joint_source = hip_dysfunction | foot_dysfunction;
  const B execution_problem = non_adherence | protocol_mismatch | trial_too_short |
                              intensity_too_low | adjacent_joint_source;
  const B conservative_care_failed = pt_failing & ~execution_problem;
  // S2
  const B severe_nerve_compression = pain_constant & d.ge(pain_now, 7) &
                                     d.in(pain_quality, kSharp, kElectrical);
  const B compressive_lesion =
      d.in(disc_herniation, kSmall, kLarge) | d.in(stenosis, kModerate, kSevere);
  const B structural_instability = d.in(spondylolisthesis, kLowGrade, kHighGrade) |
                                   ligament_laxity | excess_segmental_motion;
  const B severe_instability = d.eq(spondylolisthesis, kHighGrade);
  const B inflammatory_disease_suspected = inflammatory_back_pain | inflammatory_arthropathy;
  // ESR limit: age/2 for men, (age + 10)/2 for women; 20 mm/h without age or sex.
  const B esr_limit_adjustable = d.known(age) & d.known(sex);
  const B esr_above_age_limit =
      (d.eq(sex, kMale) & d.gt(esr, d.mul(age, 0.5))) |
      (d.eq(sex, kFemale) & d.gt(esr, d.mul(d.add(age, 10), 0.5)));
  const B esr_raised = (esr_limit_adjustable & esr_above_age_limit) |
                       (~esr_limit_adjustable & d.gt(esr, 20));
  const B markers_raised = esr_raised | d.gt(crp, 10);
  const B raised_inflammatory_markers = markers_raised;
  const B mass_seen = d.known(mass_on_imaging) & mass_on_imaging;
  const B infection_or_tumour_suspected =
      fever | unexplained_weight_loss | cancer_history | mass_seen;
  const B serious_pathology_ruled_out =
      d.known(serious_pathology_excluded) & serious_pathology_excluded;
  const B serious_pathology_suspected =
      (infection_or_tumour_suspected | suspected_fracture) & ~serious_pathology_ruled_out;
  const B red_flags = unexplained_weight_loss | fever | progressive_weakness;
  const B cauda_equina = saddle_anaesthesia | bladder_bowel_dysfunction;
  const B pt_delivery_unrecorded = ~d.known(pt_duration) | ~d.known(exercise_adherence) |
                                   ~d.known(harmful_habits) | ~d.known(intensity_adequate) |
                                   ~d.known(pt_program);
  // S3
  const B neuro_deficit = reflex_change | motor_weakness | sensory_deficit;
  const B persistent_radicular = radicular_symptoms & d.ge(radicular_duration, 6);
  const B raised_marker_measured =
      (d.known(esr) & esr_raised) | (d.known(crp) & d.gt(crp, 10));
  const B complicated = red_flags | cauda_equina | neuro_deficit | severe_nerve_compression |
                        inflammatory_disease_suspected | serious_pathology_suspected |
                        raised_marker_measured |
                        (d.known(severe_instability) & severe_instability);
  const B workup_warranted = conservative_care_failed | complicated;
  const B specialist_examined = d.known(neuro_exam_by) & d.eq(neuro_exam_by, kSpecialist);
  const B neuro_exam_incomplete =
      ~d.known(reflex_change) | ~d.known(motor_weakness) | ~d.known(sensory_deficit);
  const B mri_predates_warning =
      (red_flags | serious_pathology_suspected) &
      ~(d.known(mri_after_warning_features) & mri_after_warning_features);
  // S4
  const B esi_tried_and_failed = d.known(esi_failed) & esi_failed;
  const B esi_indicated =
      workup_warranted & radicular_symptoms & compressive_lesion & ~esi_tried_and_failed;
  const B block_pending = ~d.known(diagnostic_block_positive) |
                          (diagnostic_block_positive & ~d.known(confirmatory_block_positive));
  const B nerve_block_indicated = workup_warranted & facet_pain_suspected & block_pending;
  const B rfa_indicated = workup_warranted & facet_pain_suspected & diagnostic_block_positive &
                          confirmatory_block_positive;
  const B compression_failed_injection = conservative_care_failed & persistent_radicular &
                                         compressive_lesion & esi_tried_and_failed;

  d.finding(kPtNotHelping, pt_not_helping);
  d.finding(kNonAdherence, non_adherence);
  d.finding(kProtocolMismatch, protocol_mismatch);
  d.finding(kTrialTooShort, trial_too_short);
  d.finding(kIntensityTooLow, intensity_too_low);
  d.finding(kAdjacentJointSource, adjacent_joint_source);
  d.finding(kSevereNerveCompression, severe_nerve_compression);
  d.finding(kStructuralInstability, structural_instability);
  d.finding(kInflammatoryDiseaseSuspected, inflammatory_disease_suspected);
  d.finding(kRaisedInflammatoryMarkers, raised_inflammatory_markers);
  d.finding(kInfectionOrTumourSuspected, infection_or_tumour_suspected);
  d.finding(kSeriousPathologySuspected, serious_pathology_suspected);
  d.finding(kRedFlags, red_flags);
  d.finding(kCaudaEquina, cauda_equina);
  d.finding(kNeuroDeficit, neuro_deficit);
  d.finding(kPersistentRadicular, persistent_radicular);

  d.definition(kPainImprovement, pain_improvement);
  d.definition(kPtFailing, pt_failing);
  d.definition(kLargeHerniationEstablished, large_herniation_established);
  d.definition(kSignificantStenosisEstablished, significant_stenosis_established);
  d.definition(kExecutionProblem, execution_problem);
  d.definition(kConservativeCareFailed, conservative_care_failed);
  d.definition(kCompressiveLesion, compressive_lesion);
  d.definition(kSevereInstability, severe_instability);
  d.definition(kEsrLimitAdjustable, esr_limit_adjustable);
  d.definition(kEsrAboveAgeLimit, esr_above_age_limit);
  d.definition(kEsrRaised, esr_raised);
  d.definition(kMarkersRaised, markers_raised);
  d.definition(kMassSeen, mass_seen);
  d.definition(kSeriousPathologyRuledOut, serious_pathology_ruled_out);
  d.definition(kPtDeliveryUnrecorded, pt_delivery_unrecorded);
  d.definition(kRaisedMarkerMeasured, raised_marker_measured);
  d.definition(kComplicated, complicated);
  d.definition(kWorkupWarranted, workup_warranted);
  d.definition(kSpecialistExamined, specialist_examined);
  d.definition(kNeuroExamIncomplete, neuro_exam_incomplete);
  d.definition(kMriPredatesWarning, mri_predates_warning);
  d.definition(kEsiTriedAndFailed, esi_tried_and_failed);
  d.definition(kEsiIndicated, esi_indicated);
  d.definition(kBlockPending, block_pending);
  d.definition(kNerveBlockIndicated, nerve_block_indicated);
  d.definition(kRfaIndicated, rfa_indicated);
  d.definition(kCompressionFailedInjection, compression_failed_injection);

  // The safety layer: the three superseders and what each switches off.
  const B immediate = red_flags;
  const B emergency = cauda_equina;
  const B exclude = serious_pathology_suspected;
  const B notRedFlagOrCauda = ~immediate & ~emergency;           // execution, PT collectors
  const B noProcedure = ~immediate & ~emergency & ~exclude;      // interventions, rehab window
  const B notCauda = ~emergency;                                 // routine work-up, surgery
  auto rec = [&](Recommendation r, const B& condition, const B& allowed) {
    d.recommendation(r, condition, condition & allowed);
  };
  auto plain = [&](Recommendation r, const B& condition) {
    d.recommendation(r, condition, condition);
  };
  plain(kImmediateMedicalEvaluation, immediate);
  plain(kCaudaEquinaEmergency, emergency);
  plain(kExcludeSeriousPathology, exclude);
  plain(kEmergencyMriCaudaEquina, cauda_equina & ~mri_contraindicated);
  plain(kEmergencyCtCaudaEquina, cauda_equina & mri_contraindicated);
  plain(kScreenRedFlags, ~d.known(fever) | ~d.known(unexplained_weight_loss) |
                             ~d.known(progressive_weakness) | ~d.known(suspected_fracture) |
                             ~d.known(saddle_anaesthesia) |
                             ~d.known(bladder_bowel_dysfunction));
  plain(kRecordCancerHistory, ~d.known(cancer_history));
  rec(kRheumatologyImmunomodulatory,
      inflammatory_arthropathy | (inflammatory_back_pain & markers_raised), noProcedure);
  rec(kContinueCurrentPt, ~pt_failing, notRedFlagOrCauda);
  rec(kResumePtAfterFixes, pt_failing & execution_problem, notRedFlagOrCauda);
  rec(kAddressAdherence, non_adherence, notRedFlagOrCauda);
  rec(kIndividualiseProtocol, protocol_mismatch, notRedFlagOrCauda);
  rec(kContinuePtAdequateDuration, trial_too_short, notRedFlagOrCauda);
  rec(kIntensifyExercise, intensity_too_low, notRedFlagOrCauda);
  rec(kTreatAdjacentJoints, adjacent_joint_source, notRedFlagOrCauda);
  rec(kAssessHipsFeet,
      pt_failing & (~d.known(hip_dysfunction) | ~d.known(foot_dysfunction)), notRedFlagOrCauda);
  plain(kRecordPainScores, ~d.known(pain_at_pt_start) | ~d.known(pain_now));
  rec(kRecordPtDelivery, pt_failing & ~d.known(execution_problem) & pt_delivery_unrecorded,
      notRedFlagOrCauda);
  rec(kSpecialistReevaluation, workup_warranted, notCauda);
  plain(kNeurologicalExam, (workup_warranted & ~specialist_examined) |
                               (neuro_exam_incomplete & (pt_failing | radicular_symptoms)));
  rec(kNeurologyReview, neuro_deficit, notCauda);
  rec(kOrthopaedicReview, workup_warranted & structural_instability, notCauda);
  plain(kRecordSymptomDuration, ~d.known(symptom_duration) & workup_warranted &
                                    (vertebrogenic_pain | ligament_laxity));
  rec(kMriLumbar,
      workup_warranted & ~mri_contraindicated &
          (d.ne(prior_imaging, kMri) | mri_predates_warning),
      notCauda);
  rec(kCtSpine, workup_warranted & (mri_contraindicated | bony_detail_needed | suspected_fracture),
      notCauda);
  rec(kXrayNotSufficient, workup_warranted & d.eq(prior_imaging, kXrayOnly), notCauda);
  plain(kInflammatoryLabs, (inflammatory_disease_suspected | serious_pathology_suspected) &
                               (~d.known(esr) | ~d.known(crp)));
  rec(kNcsEmg, workup_warranted & persistent_radicular, notCauda);
  rec(kEpiduralSteroidInjection, esi_indicated, noProcedure);
  rec(kFacetNerveBlock, nerve_block_indicated, noProcedure);
  rec(kRadiofrequencyAblation, rfa_indicated, noProcedure);
  rec(kInjectionRehabWindow, esi_indicated | nerve_block_indicated | rfa_indicated, noProcedure);
  rec(kBasivertebralNerveAblation,
      workup_warranted & vertebrogenic_pain & d.ge(symptom_duration, 6), noProcedure);
  rec(kProlotherapy,
      workup_warranted & ligament_laxity & d.ge(symptom_duration, 3) & ~severe_instability,
      noProcedure);
  rec(kSpinalSurgeryReferral,
      (severe_instability & (conservative_care_failed | neuro_deficit | progressive_weakness)) |
          (progressive_weakness & compressive_lesion) | compression_failed_injection,
      notCauda);
  plain(kEmergencyDecompression, cauda_equina & cauda_compression_on_imaging);
}

}  // namespace pathway::bench::pt

#endif  // PATHWAY_BENCH_PT_PTLOGIC_H
