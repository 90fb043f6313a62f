using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jewelry.ServiceDefaults.EntityFramework;

/// <summary>Stores an enum as its <see cref="EnumText"/> form in a text column.</summary>
public sealed class EnumTextConverter<TEnum>()
    : ValueConverter<TEnum, string>(value => EnumText.Format(value), text => EnumText.Parse<TEnum>(text))
    where TEnum : struct, Enum;
