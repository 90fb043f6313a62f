using System.Globalization;
using Jewelry.Manufacturing.Geometry;

namespace Jewelry.Manufacturing.Printing;

/// <summary>The space a printer builds in, in millimetres. A model fits when it fits turned any way on the build plate's axes.</summary>
public sealed class BuildVolume
{
    public double X { get; set; }

    public double Y { get; set; }

    public double Z { get; set; }

    public bool Fits(BoundingBox box)
    {
        double[] model = [box.SizeX, box.SizeY, box.SizeZ];
        double[] printer = [X, Y, Z];
        Array.Sort(model);
        Array.Sort(printer);
        return model[0] <= printer[0] && model[1] <= printer[1] && model[2] <= printer[2];
    }

    /// <summary>Why a model of that size cannot be printed here, in the words a customer reads.</summary>
    public string TooLargeReason(BoundingBox box) => string.Create(
        CultureInfo.InvariantCulture,
        $"The model measures {box.SizeX:0.#} x {box.SizeY:0.#} x {box.SizeZ:0.#} mm and does not fit the printer's build volume of {X:0.#} x {Y:0.#} x {Z:0.#} mm, however it is turned.");
}
