namespace DisclosureSite.Model.PersonalData;

/// <summary>The kinds of personal data that must never appear unmasked on a public list (SPEC §8).</summary>
public enum PersonalDataKind
{
    /// <summary>居民身份证号码: 18 characters (checksum-valid) or the old 15-digit form.</summary>
    IdNumber,

    /// <summary>手机号码: 11 digits starting 13–19, optionally with +86 and separators.</summary>
    Mobile,

    /// <summary>银行卡号: 16–19 digits, Luhn-valid.</summary>
    BankCard,

    /// <summary>详细住址: a place followed by a house number (解放路12号, 东山村三组12号, 3号楼2单元501室).</summary>
    Address,
}
