namespace DisclosureSite.Model.PersonalData;

/// <summary>One piece of personal data found in a text; Index/Length are in the scanned string; Masked is the form the clerk should write instead.</summary>
public sealed record PersonalDataMatch(PersonalDataKind Kind, int Index, int Length, string Value, string Masked);
