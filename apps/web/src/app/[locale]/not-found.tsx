export default function NotFound() {
  return <p className="card">404</p>;
}
