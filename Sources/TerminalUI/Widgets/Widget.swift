/// A piece of the screen that draws itself into a rect of a surface, as a pure function of its values and
/// the theme: nothing is drawn outside `area`, nothing is read from the terminal.
public protocol Widget {
    func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme)
}
