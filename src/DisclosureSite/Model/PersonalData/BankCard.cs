namespace DisclosureSite.Model.PersonalData;

/// <summary>银行卡号 checks: 16–19 digits with a valid Luhn (mod 10) check digit.</summary>
public static class BankCard
{
    /// <summary>True when every character is an ASCII digit and the Luhn sum is a multiple of 10.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2)
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>True for 16–19 digits, not starting with 0, Luhn-valid.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        digits.Length is >= 16 and <= 19 && digits[0] != '0' && IsLuhnValid(digits);
}
